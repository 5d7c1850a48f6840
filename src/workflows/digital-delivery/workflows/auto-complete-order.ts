import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { acquireLockStep, releaseLockStep } from "@medusajs/medusa/core-flows"
import { autoCompleteOrderStep } from "../steps/auto-complete-order"

export const autoCompleteOrderWorkflowId = "order-ops-auto-complete-order"

/** Completes an order when everything is delivered; see `autoCompleteOrderStep`. Locked per order. */
export const autoCompleteOrderWorkflow = createWorkflow(
  autoCompleteOrderWorkflowId,
  function (input: { order_id: string }) {
    // Its own key: core's fulfillment workflow, run inside, locks the order id itself.
    const key = transform({ input }, ({ input }) => `order-ops-auto-complete:${input.order_id}`)
    acquireLockStep({ key, timeout: 30, ttl: 120 })
    const result = autoCompleteOrderStep(input)
    releaseLockStep({ key })
    return new WorkflowResponse(result)
  }
)
