import type { MedusaContainer } from "@medusajs/framework/types"
import { MedusaError } from "@medusajs/framework/utils"
import { ORDER_DOCUMENT_MODULE } from "../../../../modules/order-document"
import type OrderDocumentModuleService from "../../../../modules/order-document/service"
import type { AdminOrderExport, DocumentJobDTO } from "../../../../types"

/** An export as the admin sees it: no lease internals, the download link once done. */
export function toAdminExport(job: DocumentJobDTO): AdminOrderExport {
  const params = job.params as AdminOrderExport["params"]
  return {
    id: job.id,
    status: job.status,
    format: params.format,
    shape: params.shape,
    params,
    progress_done: job.progress_done,
    progress_total: job.progress_total,
    file_name: job.status === "completed" ? job.file_name : null,
    download_url: job.status === "completed" && job.file_key ? `/admin/order-ops/exports/${job.id}/file` : null,
    error: job.error,
    created_by: job.created_by,
    created_at: job.created_at,
    started_at: job.started_at,
    finished_at: job.finished_at,
  }
}

/** The export job `id`; NOT_FOUND when there is none (or it is another kind of job). */
export async function retrieveExportJob(scope: MedusaContainer, id: string): Promise<DocumentJobDTO> {
  const service = scope.resolve<OrderDocumentModuleService>(ORDER_DOCUMENT_MODULE)
  const [job] = (await service.listDocumentJobs({ id, kind: "export" }, { take: 1 })) as unknown as DocumentJobDTO[]
  if (!job) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, `Export ${id} was not found`)
  }
  return job
}
