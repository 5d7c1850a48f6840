import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { applyCarrierWebhooksStep } from "../steps/apply-carrier-webhooks"

export const applyCarrierWebhooksWorkflowId = "order-ops-apply-carrier-webhooks"

/** Applies carrier webhook inbox rows; see `applyCarrierWebhooksStep`. */
export const applyCarrierWebhooksWorkflow = createWorkflow(
  applyCarrierWebhooksWorkflowId,
  function (input: { ids: string[] }) {
    return new WorkflowResponse(applyCarrierWebhooksStep(input))
  }
)
