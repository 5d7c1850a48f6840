import { randomUUID } from "node:crypto"
import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { ORDER_WEBHOOK_MODULE } from "../../../../../../modules/order-webhook"
import type OrderWebhookModuleService from "../../../../../../modules/order-webhook/service"
import { sendTestWebhookEventWorkflow } from "../../../../../../workflows/order-webhooks/workflows/send-test-webhook-event"

/** Queues a `webhook.test` event for this endpoint; the sweep sends it within seconds. */
export const POST = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const service = req.scope.resolve<OrderWebhookModuleService>(ORDER_WEBHOOK_MODULE)
  const [endpoint] = await service.listWebhookEndpoints({ id: req.params.id })
  if (!endpoint) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, `Webhook endpoint ${req.params.id} was not found`)
  }
  const { result } = await sendTestWebhookEventWorkflow(req.scope).run({ input: { endpoint_id: endpoint.id, nonce: randomUUID() } })
  res.status(202).json({ delivery_ids: result.delivery_ids })
}
