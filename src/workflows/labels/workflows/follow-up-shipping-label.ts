import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { followUpLabelStep, type FollowUpLabelStepInput } from "../steps/follow-up-label"

export const followUpShippingLabelWorkflowId = "order-ops-follow-up-shipping-label"

/**
 * One follow-up of one label — refund status, reconciliation of an unknown
 * purchase, or a tracking poll; see `followUpLabelStep`. Run by the
 * `order-ops-label-follow-up` job for every label that is due, and by
 * "Check refund" in the admin.
 */
export const followUpShippingLabelWorkflow = createWorkflow(
  followUpShippingLabelWorkflowId,
  function (input: FollowUpLabelStepInput) {
    return new WorkflowResponse(followUpLabelStep(input))
  }
)
