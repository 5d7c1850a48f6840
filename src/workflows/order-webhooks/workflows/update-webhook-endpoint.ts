import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { updateWebhookEndpointStep, type UpdateWebhookEndpointStepInput } from "../steps/update-webhook-endpoint"

export const updateWebhookEndpointWorkflowId = "order-ops-update-webhook-endpoint"

/**
 * Changes an endpoint, or rotates its secret (`rotate_secret`): the answer
 * carries the new secret once; the old one keeps signing during the overlap.
 *
 * @throws MedusaError NOT_FOUND for an unknown endpoint.
 */
export const updateWebhookEndpointWorkflow = createWorkflow(updateWebhookEndpointWorkflowId, (input: UpdateWebhookEndpointStepInput) => {
  return new WorkflowResponse(updateWebhookEndpointStep(input))
})
