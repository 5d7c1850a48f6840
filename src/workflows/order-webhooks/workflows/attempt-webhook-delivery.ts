import { createWorkflow, transform, when, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { emitEventStep } from "@medusajs/medusa/core-flows"
import { OrderOpsEvents } from "../../../events"
import { attemptWebhookDeliveryStep, type AttemptWebhookDeliveryStepInput } from "../steps/attempt-webhook-delivery"

export const attemptWebhookDeliveryWorkflowId = "order-ops-attempt-webhook-delivery"

/**
 * One attempt of a leased delivery (see the step). When the attempt
 * disabled the endpoint, emits `order_ops.webhook_endpoint.disabled` (the
 * staff alert listens to it).
 */
export const attemptWebhookDeliveryWorkflow = createWorkflow(attemptWebhookDeliveryWorkflowId, (input: AttemptWebhookDeliveryStepInput) => {
  const result = attemptWebhookDeliveryStep(input)
  when({ result }, ({ result }) => !!result.disabled_endpoint).then(() => {
    const data = transform({ result }, ({ result }) => ({ ...result.disabled_endpoint! }))
    emitEventStep({ eventName: OrderOpsEvents.WEBHOOK_ENDPOINT_DISABLED, data })
  })
  return new WorkflowResponse(result)
})
