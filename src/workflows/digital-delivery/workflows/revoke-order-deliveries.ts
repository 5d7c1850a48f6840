import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { revokeOrderDeliveriesStep } from "../steps/revoke-order-deliveries"

export const revokeOrderDeliveriesWorkflowId = "order-ops-revoke-order-deliveries"

/** Revokes an order's deliveries (full refund, cancellation); see `revokeOrderDeliveriesStep`. */
export const revokeOrderDeliveriesWorkflow = createWorkflow(
  revokeOrderDeliveriesWorkflowId,
  function (input: { order_id: string; reason: string }) {
    return new WorkflowResponse(revokeOrderDeliveriesStep(input))
  }
)
