import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ORDER_WEBHOOK_MODULE } from "../../../../modules/order-webhook"
import type OrderWebhookModuleService from "../../../../modules/order-webhook/service"
import type { AdminWebhookEndpointListResponse, AdminWebhookEndpointWithSecretResponse } from "../../../../types/webhooks"
import { toWebhookEndpointDTO } from "../../../../workflows/order-webhooks/utils/to-dto"
import { createWebhookEndpointWorkflow } from "../../../../workflows/order-webhooks/workflows/create-webhook-endpoint"
import type { AdminCreateWebhookEndpointType } from "./validators"

/** Every endpoint, newest first, without secrets. */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse<AdminWebhookEndpointListResponse>) => {
  const service = req.scope.resolve<OrderWebhookModuleService>(ORDER_WEBHOOK_MODULE)
  const [rows, count] = await service.listAndCountWebhookEndpoints({}, { order: { created_at: "DESC" } })
  res.json({ webhook_endpoints: rows.map((r) => toWebhookEndpointDTO(r as unknown as Record<string, unknown>)), count })
}

/** Adds an endpoint; the answer carries its secret, shown this once. */
export const POST = async (
  req: AuthenticatedMedusaRequest<AdminCreateWebhookEndpointType>,
  res: MedusaResponse<AdminWebhookEndpointWithSecretResponse>
) => {
  const { result } = await createWebhookEndpointWorkflow(req.scope).run({ input: req.validatedBody })
  res.status(201).json(result)
}
