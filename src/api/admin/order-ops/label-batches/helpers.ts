import type { MedusaContainer } from "@medusajs/framework/types"
import { MedusaError } from "@medusajs/framework/utils"
import { ORDER_DOCUMENT_MODULE } from "../../../../modules/order-document"
import type OrderDocumentModuleService from "../../../../modules/order-document/service"
import type { AdminLabelBatch, DocumentJobDTO, LabelBatchParams, LabelBatchResult } from "../../../../types"
import { LABEL_BATCH_KIND } from "../../../../workflows/labels/workflows/create-label-batch"

/** A label batch as the admin sees it: no lease internals, *Print all* once it has a file. */
export function toAdminLabelBatch(job: DocumentJobDTO): AdminLabelBatch {
  const ready = job.status === "completed" && !!job.file_key
  return {
    id: job.id,
    status: job.status,
    params: job.params as unknown as LabelBatchParams,
    progress_done: job.progress_done,
    progress_total: job.progress_total,
    result: (job.result as unknown as LabelBatchResult | null) ?? null,
    file_url: ready ? `/admin/order-ops/label-batches/${job.id}/file` : null,
    file_name: ready ? job.file_name : null,
    error: job.error,
    created_by: job.created_by,
    created_at: job.created_at,
    started_at: job.started_at,
    finished_at: job.finished_at,
  }
}

/** The label batch `id`; NOT_FOUND for an unknown id or another kind of job. */
export async function retrieveLabelBatch(scope: MedusaContainer, id: string): Promise<DocumentJobDTO> {
  const [job] = (await scope
    .resolve<OrderDocumentModuleService>(ORDER_DOCUMENT_MODULE)
    .listDocumentJobs({ id, kind: LABEL_BATCH_KIND }, { take: 1 })) as unknown as DocumentJobDTO[]
  if (!job) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, `Label batch ${id} was not found`)
  }
  return job
}
