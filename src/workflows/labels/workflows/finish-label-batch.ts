import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import type { LabelBatchFormat, LabelBatchResult } from "../../../types"
import { completeDocumentJobStep } from "../../order-documents/steps/complete-document-job"
import { notifyAdminsStep } from "../../order-documents/steps/notify-admins"
import { assertLabelBatchCompletedStep } from "../steps/assert-label-batch-completed"
import { mergeLabelBatchStep } from "../steps/merge-label-batch"

/** Input of {@link finishLabelBatchWorkflow}. */
export type FinishLabelBatchWorkflowInput = {
  batch_id: string
  /** The claim's fencing token: the batch completes only while it still holds. */
  token: number
  /** Every label of the batch, in print order (done orders, in the list's order). */
  label_ids: string[]
  label_format: LabelBatchFormat
  /** Per-order outcomes; `labels` is filled in from the merged file. */
  result: Omit<LabelBatchResult, "labels">
  /** Orders worked through. */
  total: number
}

export const finishLabelBatchWorkflowId = "order-ops-finish-label-batch"

/**
 * Finishes a label batch: merges its labels into one file (*Print all*),
 * completes the batch's job with the file and every order's outcome while
 * the caller's lease still holds, and tells the admins. When the batch was
 * canceled or reclaimed meanwhile, the workflow fails and the merged file is
 * deleted (compensation); the labels themselves stay bought and shipped.
 *
 * @throws MedusaError CONFLICT when the batch is no longer this worker's.
 */
export const finishLabelBatchWorkflow = createWorkflow(
  finishLabelBatchWorkflowId,
  function (input: FinishLabelBatchWorkflowInput) {
    const merged = mergeLabelBatchStep(
      transform({ input }, ({ input }) => ({ batch_id: input.batch_id, label_ids: input.label_ids, label_format: input.label_format }))
    )
    const completed = completeDocumentJobStep(
      transform({ input, merged }, ({ input, merged }) => ({
        job_id: input.batch_id,
        token: input.token,
        result: {
          file_key: merged.file_key,
          file_name: merged.file_name,
          mime_type: merged.mime_type,
          progress_done: input.total,
          progress_total: input.total,
          result: { ...input.result, labels: merged.labels },
        },
      }))
    )
    assertLabelBatchCompletedStep(transform({ input, completed }, ({ input, completed }) => ({ batch_id: input.batch_id, completed })))
    notifyAdminsStep(
      transform({ input, merged }, ({ input, merged }) => ({
        title: "Labels bought",
        description: [
          `${input.result.done} ${input.result.done === 1 ? "label" : "labels"}`,
          input.result.skipped ? `${input.result.skipped} skipped` : "",
          input.result.failed ? `${input.result.failed} failed` : "",
        ]
          .filter(Boolean)
          .join(", "),
        ...(merged.file_name
          ? {
              file: {
                filename: merged.file_name,
                url: `/admin/order-ops/label-batches/${input.batch_id}/file`,
                mimeType: merged.mime_type ?? "application/pdf",
              },
            }
          : {}),
      }))
    )
    return new WorkflowResponse(completed)
  }
)
