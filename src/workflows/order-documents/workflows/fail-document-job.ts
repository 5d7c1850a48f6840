import { createWorkflow, transform, when, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { failDocumentJobStep } from "../steps/fail-document-job"
import { notifyAdminsStep } from "../steps/notify-admins"

export const failDocumentJobWorkflowId = "order-ops-fail-document-job"

/** What the admins' feed calls a failed job, by kind. */
export const FAILED_DOCUMENT_JOB_TITLES: Record<string, string> = {
  export: "Order export failed",
  packing_slips: "Packing slips failed",
  issue_invoices: "Issuing invoices failed",
  mark_shipped: "Marking orders as shipped failed",
  label_batch: "Buying labels failed",
}

/** Records a job's failure (under its fencing token) and tells the admins. */
export const failDocumentJobWorkflow = createWorkflow(
  failDocumentJobWorkflowId,
  function (input: { job_id: string; token: number; error: string; kind?: string }) {
    const failed = failDocumentJobStep(input)
    when({ failed }, ({ failed }) => failed).then(() => {
      notifyAdminsStep(
        transform({ input }, ({ input }) => ({
          title: FAILED_DOCUMENT_JOB_TITLES[input.kind ?? "export"] ?? "Document job failed",
          description: input.error,
        }))
      )
    })
    return new WorkflowResponse(failed)
  }
)
