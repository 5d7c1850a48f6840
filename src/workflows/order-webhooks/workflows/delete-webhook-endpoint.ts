import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { deleteWebhookEndpointStep } from "../steps/delete-webhook-endpoint"

export const deleteWebhookEndpointWorkflowId = "order-ops-delete-webhook-endpoint"

/** Removes an endpoint (soft delete: its delivery log stays readable in the database). */
export const deleteWebhookEndpointWorkflow = createWorkflow(deleteWebhookEndpointWorkflowId, (input: { id: string }) => {
  return new WorkflowResponse(deleteWebhookEndpointStep(input.id))
})
