import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { buildOrderWebhookEventsStep, type OrderWebhookSource } from "../steps/build-order-webhook-events"
import { enqueueWebhookEventsStep } from "../steps/enqueue-webhook-events"

export const enqueueOrderWebhookEventsWorkflowId = "order-ops-enqueue-order-webhook-events"

/**
 * Puts the catalogue events of one change in the outbox, with a delivery per
 * interested endpoint. Idempotent: run it twice for the same change and the
 * second run adds nothing, so a message never gets a second `webhook-id`.
 * Returns the new deliveries (the caller may attempt them at once).
 */
export const enqueueOrderWebhookEventsWorkflow = createWorkflow(enqueueOrderWebhookEventsWorkflowId, (input: OrderWebhookSource) => {
  const events = buildOrderWebhookEventsStep(input)
  return new WorkflowResponse(enqueueWebhookEventsStep(events))
})
