import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { ORDER_WEBHOOK_MODULE } from "../../../../../../modules/order-webhook"
import type OrderWebhookModuleService from "../../../../../../modules/order-webhook/service"
import type { AdminWebhookDeliveryListResponse, WebhookAttemptDTO, WebhookDeliveryDTO } from "../../../../../../types/webhooks"
import type { AdminListWebhookDeliveriesType } from "../../validators"

/** The endpoint's delivery log, newest first, each delivery with its attempts. */
export const GET = async (req: AuthenticatedMedusaRequest<unknown, AdminListWebhookDeliveriesType>, res: MedusaResponse<AdminWebhookDeliveryListResponse>) => {
  const service = req.scope.resolve<OrderWebhookModuleService>(ORDER_WEBHOOK_MODULE)
  const [endpoint] = await service.listWebhookEndpoints({ id: req.params.id }, { withDeleted: true })
  if (!endpoint) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, `Webhook endpoint ${req.params.id} was not found`)
  }
  const { limit, offset, status } = req.validatedQuery as AdminListWebhookDeliveriesType
  const [rows, count] = await service.listAndCountWebhookDeliveries(
    { endpoint_id: endpoint.id, ...(status ? { status } : {}) },
    { order: { created_at: "DESC", id: "DESC" }, take: limit, skip: offset }
  )
  const attempts = rows.length
    ? await service.listWebhookAttempts({ delivery_id: rows.map((r) => r.id) }, { order: { created_at: "ASC" } })
    : []
  const deliveries = rows.map((d) => ({
    ...(d as unknown as WebhookDeliveryDTO),
    attempts: attempts.filter((a) => a.delivery_id === d.id) as unknown as WebhookAttemptDTO[],
  }))
  res.json({ deliveries, count, limit, offset })
}
