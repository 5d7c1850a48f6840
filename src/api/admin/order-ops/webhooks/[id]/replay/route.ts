import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { ORDER_WEBHOOK_MODULE } from "../../../../../../modules/order-webhook"
import type OrderWebhookModuleService from "../../../../../../modules/order-webhook/service"
import { resendWebhookDeliveriesWorkflow } from "../../../../../../workflows/order-webhooks/workflows/resend-webhook-deliveries"
import type { AdminReplayWebhookDeliveriesType } from "../../validators"

/** Sends every failed delivery of the endpoint created since `since` again, each under its own `webhook-id`. */
export const POST = async (req: AuthenticatedMedusaRequest<AdminReplayWebhookDeliveriesType>, res: MedusaResponse) => {
  const service = req.scope.resolve<OrderWebhookModuleService>(ORDER_WEBHOOK_MODULE)
  const [endpoint] = await service.listWebhookEndpoints({ id: req.params.id })
  if (!endpoint) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, `Webhook endpoint ${req.params.id} was not found`)
  }
  const failed = await service.listWebhookDeliveries(
    { endpoint_id: endpoint.id, status: "failed", created_at: { $gte: req.validatedBody.since } },
    { select: ["id"], take: 10_000 }
  )
  const { result } = await resendWebhookDeliveriesWorkflow(req.scope).run({ input: { ids: failed.map((d) => d.id), now: new Date() } })
  res.status(202).json({ requeued: result })
}
