import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { claimDocumentJobStep } from "../steps/claim-document-job"

export const claimDocumentJobWorkflowId = "order-ops-claim-document-job"

/** Claims the next document job of the given kinds for this worker (or null). */
export const claimDocumentJobWorkflow = createWorkflow(
  claimDocumentJobWorkflowId,
  function (input: { kinds: string[] }) {
    return new WorkflowResponse(claimDocumentJobStep(input))
  }
)
