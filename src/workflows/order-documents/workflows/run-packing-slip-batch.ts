import { createWorkflow, transform, when, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import type { DocumentJobDTO } from "../../../types"
import { completeDocumentJobStep } from "../steps/complete-document-job"
import { notifyAdminsStep } from "../steps/notify-admins"
import { writePackingSlipBatchStep } from "../steps/write-packing-slip-batch"

export const runPackingSlipBatchWorkflowId = "order-ops-run-packing-slip-batch"

/**
 * Does one claimed bulk packing-slip job: one merged PDF in the file module,
 * the job completed while the lease is still ours, the admins told. A job
 * canceled meanwhile ends without a file.
 */
export const runPackingSlipBatchWorkflow = createWorkflow(
  runPackingSlipBatchWorkflowId,
  function (input: { job: DocumentJobDTO; token: number; page_size?: number }) {
    const written = writePackingSlipBatchStep(input)
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
          title: "Packing slips ready",
          description: `${written.orders} packing ${written.orders === 1 ? "slip" : "slips"} in one PDF.`,
          file: {
            filename: written.file_name!,
            url: `/admin/order-ops/packing-slips/${input.job.id}/file`,
            mimeType: "application/pdf",
          },
        }))
      )
    })
    return new WorkflowResponse(transform({ completed }, ({ completed }) => completed ?? false))
  }
)
