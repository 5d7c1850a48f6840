import { createWorkflow, transform, when, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import type { DocumentJobDTO } from "../../../types"
import { completeDocumentJobStep } from "../steps/complete-document-job"
import { notifyAdminsStep } from "../steps/notify-admins"
import { writeOrderExportStep } from "../steps/write-order-export"

export const runOrderExportWorkflowId = "order-ops-run-order-export"

/** Input of {@link runOrderExportWorkflow}. */
export type RunOrderExportWorkflowInput = {
  /** The claimed export job. */
  job: DocumentJobDTO
  /** The claim's fencing token. */
  token: number
  /** Orders per keyset page (default 500). */
  page_size?: number
}

/**
 * Does one claimed export: writes the file, marks the job completed while
 * the lease is still ours, and tells the admins with a download link. A job
 * canceled meanwhile ends without a file. When the completion loses the
 * race (canceled at the last moment) the file is deleted by compensation.
 */
export const runOrderExportWorkflow = createWorkflow(
  runOrderExportWorkflowId,
  function (input: RunOrderExportWorkflowInput) {
    const written = writeOrderExportStep(input)
    const completed = when({ written }, ({ written }) => !written.stopped).then(() =>
      completeDocumentJobStep(
        transform({ input, written }, ({ input, written }) => ({
          job_id: input.job.id,
          token: input.token,
          result: {
            file_key: written.file_key,
            file_name: written.file_name,
            mime_type: written.mime_type,
            progress_done: written.orders,
            progress_total: written.total,
          },
        }))
      )
    )
    when({ completed }, ({ completed }) => completed === true).then(() => {
      notifyAdminsStep(
        transform({ input, written }, ({ input, written }) => ({
          title: "Order export ready",
          description: `${written.orders} ${written.orders === 1 ? "order" : "orders"} exported (${written.rows} rows).`,
          file: {
            filename: written.file_name!,
            url: `/admin/order-ops/exports/${input.job.id}/file`,
            mimeType: written.mime_type!,
          },
        }))
      )
    })
    return new WorkflowResponse(transform({ completed }, ({ completed }) => completed ?? false))
  }
)
