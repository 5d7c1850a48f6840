import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { ORDER_WEBHOOK_MODULE } from "../../../../../../../../modules/order-webhook"
import type OrderWebhookModuleService from "../../../../../../../../modules/order-webhook/service"
import { resendWebhookDeliveriesWorkflow } from "../../../../../../../../workflows/order-webhooks/workflows/resend-webhook-deliveries"

/** Sends one finished delivery again, under the same `webhook-id` (the sweep picks it up at once). */
export const POST = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const service = req.scope.resolve<OrderWebhookModuleService>(ORDER_WEBHOOK_MODULE)
  const [delivery] = await service.listWebhookDeliveries({ id: req.params.delivery_id, endpoint_id: req.params.id })
  if (!delivery) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, `Delivery ${req.params.delivery_id} of endpoint ${req.params.id} was not found`)
  }
  if (delivery.status === "pending") {
    throw new MedusaError(MedusaError.Types.NOT_ALLOWED, `Delivery ${delivery.id} is already queued`)
  }
  const { result } = await resendWebhookDeliveriesWorkflow(req.scope).run({ input: { ids: [delivery.id], now: new Date() } })
  res.status(202).json({ requeued: result })
}
