import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { cancelDocumentJobStep } from "../steps/cancel-document-job"

export const cancelDocumentJobWorkflowId = "order-ops-cancel-document-job"

/**
 * Cancels a waiting or running document job.
 *
 * @throws MedusaError NOT_FOUND for an unknown job, NOT_ALLOWED when it already finished.
 */
export const cancelDocumentJobWorkflow = createWorkflow(
  cancelDocumentJobWorkflowId,
  function (input: { id: string }) {
    return new WorkflowResponse(cancelDocumentJobStep(input))
  }
)
