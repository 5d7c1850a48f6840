import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { requestDeliveryRevokesStep } from "../steps/revoke-order-deliveries"

export const revokeOrderDeliveriesWorkflowId = "order-ops-revoke-order-deliveries"

/**
 * Revokes an order's deliveries (full refund, cancellation): records the
 * owed revokes (see `requestDeliveryRevokesStep`) and answers their ids.
 * Each revoke then runs as `runDeliveryWorkflow` with `kind: "revoke"`,
 * under the delivery's lease: links stop working, codes are marked revoked
 * (never back to the pool), the RCON revoke command runs, the Discord role
 * goes. One that fails at the outside service is retried on the schedule
 * and shown in the admin until it succeeds or a person closes it.
 */
export const revokeOrderDeliveriesWorkflow = createWorkflow(
  revokeOrderDeliveriesWorkflowId,
  function (input: { order_id: string; reason: string }) {
    return new WorkflowResponse(requestDeliveryRevokesStep(input))
  }
)
