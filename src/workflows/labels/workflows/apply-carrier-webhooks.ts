import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { refreshOrderStatusWorkflow } from "../../order-status/workflows/refresh-order-status"
import { applyCarrierWebhooksStep } from "../steps/apply-carrier-webhooks"

export const applyCarrierWebhooksWorkflowId = "order-ops-apply-carrier-webhooks"

/**
 * Applies a batch of carrier webhook inbox rows (see `applyCarrierWebhooksStep`),
 * then recomputes the statuses of every order whose shipments moved — once
 * per order per batch, not once per event.
 */
export const applyCarrierWebhooksWorkflow = createWorkflow(
  applyCarrierWebhooksWorkflowId,
  function (input: { ids: string[] }) {
    const outcome = applyCarrierWebhooksStep(input)
    refreshOrderStatusWorkflow.runAsStep({
      input: transform({ outcome }, ({ outcome }) => ({ order_ids: outcome.order_ids })),
    })
    return new WorkflowResponse(outcome)
  }
)
