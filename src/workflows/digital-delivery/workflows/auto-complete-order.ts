import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { acquireLockStep, releaseLockStep } from "@medusajs/medusa/core-flows"
import { autoCompleteOrderStep } from "../steps/auto-complete-order"

export const autoCompleteOrderWorkflowId = "order-ops-auto-complete-order"

/** Completes an order when everything is delivered; see `autoCompleteOrderStep`. Locked per order. */
export const autoCompleteOrderWorkflow = createWorkflow(
  autoCompleteOrderWorkflowId,
  function (input: { order_id: string }) {
    acquireLockStep({ key: input.order_id, timeout: 30, ttl: 120 })
    const result = autoCompleteOrderStep(input)
    releaseLockStep({ key: input.order_id })
    return new WorkflowResponse(result)
  }
)
