import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { ORDER_WEBHOOK_MODULE } from "../../../../../modules/order-webhook"
import type OrderWebhookModuleService from "../../../../../modules/order-webhook/service"
import type { AdminWebhookEndpointResponse, AdminWebhookEndpointWithSecretResponse } from "../../../../../types/webhooks"
import { toWebhookEndpointDTO } from "../../../../../workflows/order-webhooks/utils/to-dto"
import { deleteWebhookEndpointWorkflow } from "../../../../../workflows/order-webhooks/workflows/delete-webhook-endpoint"
import { updateWebhookEndpointWorkflow } from "../../../../../workflows/order-webhooks/workflows/update-webhook-endpoint"
import type { AdminUpdateWebhookEndpointType } from "../validators"
import type { HttpTypes } from "@medusajs/framework/types"

async function loadEndpoint(req: AuthenticatedMedusaRequest, id: string) {
  const service = req.scope.resolve<OrderWebhookModuleService>(ORDER_WEBHOOK_MODULE)
  const [row] = await service.listWebhookEndpoints({ id })
  if (!row) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, `Webhook endpoint ${id} was not found`)
  }
  return toWebhookEndpointDTO(row as unknown as Record<string, unknown>)
}

/** One endpoint, without secrets. */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse<AdminWebhookEndpointResponse>) => {
  res.json({ webhook_endpoint: await loadEndpoint(req, req.params.id) })
}

/** Changes an endpoint; with `rotate_secret`, the answer carries the new secret once. */
export const POST = async (
  req: AuthenticatedMedusaRequest<AdminUpdateWebhookEndpointType>,
  res: MedusaResponse<AdminWebhookEndpointWithSecretResponse>
) => {
  const { result } = await updateWebhookEndpointWorkflow(req.scope).run({ input: { ...req.validatedBody, id: req.params.id, now: new Date() } })
  res.json({ webhook_endpoint: await loadEndpoint(req, req.params.id), secret: result.secret })
}

/** Removes an endpoint. */
export const DELETE = async (req: AuthenticatedMedusaRequest, res: MedusaResponse<HttpTypes.DeleteResponse<"webhook_endpoint">>) => {
  await loadEndpoint(req, req.params.id)
  await deleteWebhookEndpointWorkflow(req.scope).run({ input: { id: req.params.id } })
  res.json({ id: req.params.id, object: "webhook_endpoint", deleted: true })
}
