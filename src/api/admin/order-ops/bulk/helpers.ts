import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import type { MedusaContainer } from "@medusajs/framework/types"
import { MedusaError } from "@medusajs/framework/utils"
import { ORDER_DOCUMENT_MODULE } from "../../../../modules/order-document"
import type OrderDocumentModuleService from "../../../../modules/order-document/service"
import type { DocumentJobDTO } from "../../../../types"
import { createDocumentJobWorkflow } from "../../../../workflows/order-documents/workflows/create-order-export"
import { toAdminExport } from "../exports/helpers"
import type { AdminCreateBulkOrderActionType } from "./validators"

/** Document job kinds that are bulk order actions. */
export const BULK_ORDER_ACTION_KINDS = ["issue_invoices", "mark_shipped"] as const

/** Queues a bulk order action for the worker and answers 202 with the job. */
export async function queueBulkOrderAction(
  req: AuthenticatedMedusaRequest<AdminCreateBulkOrderActionType>,
  res: MedusaResponse,
  kind: (typeof BULK_ORDER_ACTION_KINDS)[number]
) {
  const { result } = await createDocumentJobWorkflow(req.scope).run({
    input: { kind, params: req.validatedBody, created_by: req.auth_context?.actor_id ?? null },
  })
  res.status(202).json({ job: toAdminExport(result) })
}

/** The bulk order action `id`; NOT_FOUND for an unknown id or another kind of job. */
export async function retrieveBulkOrderAction(scope: MedusaContainer, id: string): Promise<DocumentJobDTO> {
  const [job] = (await scope
    .resolve<OrderDocumentModuleService>(ORDER_DOCUMENT_MODULE)
    .listDocumentJobs({ id, kind: [...BULK_ORDER_ACTION_KINDS] }, { take: 1 })) as unknown as DocumentJobDTO[]
  if (!job) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, `Bulk action ${id} was not found`)
  }
  return job
}
