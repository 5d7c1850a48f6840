import { createWorkflow, transform, when, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { emitEventStep } from "@medusajs/medusa/core-flows"
import { OrderOpsEvents } from "../../../events"
import { attemptWebhookDeliveriesStep, type AttemptWebhookDeliveriesStepInput } from "../steps/attempt-webhook-deliveries"

export const attemptWebhookDeliveriesWorkflowId = "order-ops-attempt-webhook-deliveries"

/**
 * One attempt of each leased delivery in a batch (see the step). For every
 * endpoint an attempt disabled, emits `order_ops.webhook_endpoint.disabled`
 * (the staff alert listens to it).
 */
export const attemptWebhookDeliveriesWorkflow = createWorkflow(attemptWebhookDeliveriesWorkflowId, (input: AttemptWebhookDeliveriesStepInput) => {
  const results = attemptWebhookDeliveriesStep(input)
  const disabled = transform({ results }, ({ results }) => results.flatMap((r) => (r.disabled_endpoint ? [{ ...r.disabled_endpoint }] : [])))
  when({ disabled }, ({ disabled }) => disabled.length > 0).then(() => {
    emitEventStep({ eventName: OrderOpsEvents.WEBHOOK_ENDPOINT_DISABLED, data: disabled })
  })
  return new WorkflowResponse(results)
})
