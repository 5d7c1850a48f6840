import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { findLabelsToAutoVoidStep, type FindLabelsToAutoVoidStepInput } from "../steps/find-labels-to-auto-void"

export type FindLabelsToAutoVoidWorkflowInput = FindLabelsToAutoVoidStepInput

export const findLabelsToAutoVoidWorkflowId = "order-ops-find-labels-to-auto-void"

/**
 * The unscanned labels due for an automatic void (see
 * {@link findLabelsToAutoVoidStep}); empty while the option is off. The
 * auto-void job voids each through {@link voidShippingLabelWorkflow}.
 */
export const findLabelsToAutoVoidWorkflow = createWorkflow(
  findLabelsToAutoVoidWorkflowId,
  function (input: FindLabelsToAutoVoidWorkflowInput) {
    return new WorkflowResponse(findLabelsToAutoVoidStep(input))
  }
)
