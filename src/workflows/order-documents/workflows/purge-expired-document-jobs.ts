import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { purgeExpiredDocumentJobsStep } from "../steps/purge-expired-document-jobs"

export const purgeExpiredDocumentJobsWorkflowId = "order-ops-purge-expired-document-jobs"

/** Removes finished document jobs older than `before`, with their files. */
export const purgeExpiredDocumentJobsWorkflow = createWorkflow(
  purgeExpiredDocumentJobsWorkflowId,
  function (input: { before: Date }) {
    return new WorkflowResponse(purgeExpiredDocumentJobsStep(input))
  }
)
