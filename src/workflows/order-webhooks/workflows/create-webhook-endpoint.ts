import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { createWebhookEndpointStep, type CreateWebhookEndpointStepInput } from "../steps/create-webhook-endpoint"
import { toWebhookEndpointDTO } from "../utils/to-dto"

export const createWebhookEndpointWorkflowId = "order-ops-create-webhook-endpoint"

/**
 * Adds a merchant endpoint. Returns it with its signing secret — the only
 * time the secret is shown. The URL was checked by the route's validator
 * (https unless private targets are allowed).
 */
export const createWebhookEndpointWorkflow = createWorkflow(createWebhookEndpointWorkflowId, (input: CreateWebhookEndpointStepInput) => {
  const endpoint = createWebhookEndpointStep(input)
  const result = transform({ endpoint }, ({ endpoint }) => ({ webhook_endpoint: toWebhookEndpointDTO(endpoint), secret: endpoint.secret }))
  return new WorkflowResponse(result)
})
