import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { requeueWebhookDeliveriesStep } from "../steps/requeue-webhook-deliveries"

export const resendWebhookDeliveriesWorkflowId = "order-ops-resend-webhook-deliveries"

/**
 * Resend (one delivery) and Replay (every failed one since a time): the
 * deliveries go back in the queue, due `now`, under their own `webhook-id`,
 * with a fresh schedule. Pending ones are left alone.
 */
export const resendWebhookDeliveriesWorkflow = createWorkflow(resendWebhookDeliveriesWorkflowId, (input: { ids: string[]; now: Date }) => {
  return new WorkflowResponse(requeueWebhookDeliveriesStep(input))
})
