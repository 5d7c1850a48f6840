import type { MedusaContainer } from "@medusajs/framework/types"
import { MedusaError } from "@medusajs/framework/utils"
import { ORDER_DOCUMENT_MODULE } from "../../../../modules/order-document"
import type OrderDocumentModuleService from "../../../../modules/order-document/service"
import type { AdminOrderExport, DocumentJobDTO } from "../../../../types"

/** Where each kind of document job lives in the admin API. */
export const DOCUMENT_JOB_PATHS: Record<string, string> = {
  export: "/admin/order-ops/exports",
  packing_slips: "/admin/order-ops/packing-slips",
  issue_invoices: "/admin/order-ops/bulk",
  mark_shipped: "/admin/order-ops/bulk",
  label_batch: "/admin/order-ops/label-batches",
}

/** An export (or another document job) as the admin sees it: no lease internals, the download link once done. */
export function toAdminExport(job: DocumentJobDTO): AdminOrderExport {
  const params = job.params as AdminOrderExport["params"]
  return {
    id: job.id,
    status: job.status,
    kind: job.kind,
    format: params.format,
    shape: params.shape,
    params,
    progress_done: job.progress_done,
    progress_total: job.progress_total,
    file_name: job.status === "completed" ? job.file_name : null,
    download_url: job.status === "completed" && job.file_key ? `${DOCUMENT_JOB_PATHS[job.kind]}/${job.id}/file` : null,
    result: job.result ?? null,
    error: job.error,
    created_by: job.created_by,
    created_at: job.created_at,
    started_at: job.started_at,
    finished_at: job.finished_at,
  }
}

/** The export job `id` (or another kind's); NOT_FOUND when there is none of that kind. */
export async function retrieveExportJob(scope: MedusaContainer, id: string, kind = "export"): Promise<DocumentJobDTO> {
  const service = scope.resolve<OrderDocumentModuleService>(ORDER_DOCUMENT_MODULE)
  const [job] = (await service.listDocumentJobs({ id, kind }, { take: 1 })) as unknown as DocumentJobDTO[]
  if (!job) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, `${kind === "export" ? "Export" : "Document job"} ${id} was not found`)
  }
  return job
}
