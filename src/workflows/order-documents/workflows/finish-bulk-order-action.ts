import { createWorkflow, transform, when, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import type { BulkOrderActionResult } from "../../../types"
import { completeDocumentJobStep } from "../steps/complete-document-job"
import { notifyAdminsStep } from "../steps/notify-admins"

export const finishBulkOrderActionWorkflowId = "order-ops-finish-bulk-order-action"

/**
 * Completes a bulk order action's job with its per-order outcome, only
 * while the caller's lease still holds, and tells the admins.
 */
export const finishBulkOrderActionWorkflow = createWorkflow(
  finishBulkOrderActionWorkflowId,
  function (input: { job_id: string; token: number; title: string; result: BulkOrderActionResult; total: number }) {
    const completed = completeDocumentJobStep(
      transform({ input }, ({ input }) => ({
        job_id: input.job_id,
        token: input.token,
        result: { result: input.result, progress_done: input.total, progress_total: input.total },
      }))
    )
    when({ completed }, ({ completed }) => completed).then(() => {
      notifyAdminsStep(
        transform({ input }, ({ input }) => ({
          title: input.title,
          description: [
            `${input.result.done} done`,
            input.result.skipped ? `${input.result.skipped} skipped` : "",
            input.result.failed ? `${input.result.failed} failed` : "",
          ]
            .filter(Boolean)
            .join(", "),
        }))
      )
    })
    return new WorkflowResponse(completed)
  }
)
