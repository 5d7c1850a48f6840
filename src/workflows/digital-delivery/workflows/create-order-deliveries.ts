import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { createOrderDeliveriesStep } from "../steps/create-order-deliveries"

export const createOrderDeliveriesWorkflowId = "order-ops-create-order-deliveries"

/**
 * Creates the deliveries of a paid order's digital items (see
 * `createOrderDeliveriesStep`). Run on `payment.captured`; the subscriber
 * then attempts each one at once, and the sweep job retries.
 */
export const createOrderDeliveriesWorkflow = createWorkflow(
  createOrderDeliveriesWorkflowId,
  function (input: { order_id: string }) {
    return new WorkflowResponse(createOrderDeliveriesStep(input))
  }
)
