import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ORDER_DOCUMENT_MODULE } from "../../../../modules/order-document"
import type OrderDocumentModuleService from "../../../../modules/order-document/service"
import type { AdminOrderExportResponse, AdminOrderExportsResponse, DocumentJobDTO } from "../../../../types"
import { EXPORT_COLUMNS } from "../../../../workflows/order-documents/utils/export-columns"
import { createOrderExportWorkflow } from "../../../../workflows/order-documents/workflows/create-order-export"
import { toAdminExport } from "./helpers"
import type { AdminCreateOrderOpsExportType, AdminGetOrderOpsExportsParamsType } from "./validators"

/**
 * Asks for an export of the orders the Order operations list shows for the
 * given filters. Answers 202 at once with the queued export; the worker's
 * sweep writes the file.
 */
export const POST = async (
  req: AuthenticatedMedusaRequest<AdminCreateOrderOpsExportType>,
  res: MedusaResponse<AdminOrderExportResponse>
) => {
  const { result } = await createOrderExportWorkflow(req.scope).run({
    input: { params: req.validatedBody, created_by: req.auth_context?.actor_id ?? null },
  })
  res.status(202).json({ export: toAdminExport(result) })
}

/** Recent exports, newest first, with their progress, and the column catalogue. */
export const GET = async (
  req: AuthenticatedMedusaRequest<unknown, AdminGetOrderOpsExportsParamsType>,
  res: MedusaResponse<AdminOrderExportsResponse>
) => {
  const { limit, offset } = req.validatedQuery
  const service = req.scope.resolve<OrderDocumentModuleService>(ORDER_DOCUMENT_MODULE)
  const [jobs, count] = await service.listAndCountDocumentJobs(
    { kind: "export" },
    { take: limit, skip: offset, order: { created_at: "DESC", id: "DESC" } }
  )
  res.json({
    exports: (jobs as unknown as DocumentJobDTO[]).map(toAdminExport),
    count,
    limit,
    offset,
    // The column catalogue, so the export drawer offers exactly what the worker can write.
    columns: EXPORT_COLUMNS.map(({ key, header, group, line_item }) => ({ key, header, group, line_item: !!line_item })),
  })
}
