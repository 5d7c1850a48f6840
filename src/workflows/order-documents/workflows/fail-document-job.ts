import { createWorkflow, transform, when, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { failDocumentJobStep } from "../steps/fail-document-job"
import { notifyAdminsStep } from "../steps/notify-admins"

export const failDocumentJobWorkflowId = "order-ops-fail-document-job"

/** Records a job's failure (under its fencing token) and tells the admins. */
export const failDocumentJobWorkflow = createWorkflow(
  failDocumentJobWorkflowId,
  function (input: { job_id: string; token: number; error: string }) {
    const failed = failDocumentJobStep(input)
    when({ failed }, ({ failed }) => failed).then(() => {
      notifyAdminsStep(
        transform({ input }, ({ input }) => ({
          title: "Order export failed",
          description: input.error,
        }))
      )
    })
    return new WorkflowResponse(failed)
  }
)
