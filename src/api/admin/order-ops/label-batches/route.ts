import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ORDER_DOCUMENT_MODULE } from "../../../../modules/order-document"
import type OrderDocumentModuleService from "../../../../modules/order-document/service"
import { SHIPMENT_MODULE } from "../../../../modules/shipment"
import type ShipmentModuleService from "../../../../modules/shipment/service"
import type { DocumentJobDTO } from "../../../../types"
import { createLabelBatchWorkflow, LABEL_BATCH_KIND } from "../../../../workflows/labels/workflows/create-label-batch"
import { toAdminLabelBatch } from "./helpers"
import type { AdminCreateLabelBatchType, AdminGetLabelBatchesParamsType } from "./validators"

/**
 * The newest label batches, and what the *Buy labels* drawer offers: the
 * carriers configured for live orders (test orders always use the sandbox).
 */
export const GET = async (req: AuthenticatedMedusaRequest<unknown, AdminGetLabelBatchesParamsType>, res: MedusaResponse) => {
  const { limit, offset } = req.validatedQuery
  const [jobs, count] = await req.scope
    .resolve<OrderDocumentModuleService>(ORDER_DOCUMENT_MODULE)
    .listAndCountDocumentJobs({ kind: LABEL_BATCH_KIND }, { take: limit, skip: offset, order: { created_at: "DESC", id: "DESC" } })
  res.json({
    label_batches: (jobs as unknown as DocumentJobDTO[]).map(toAdminLabelBatch),
    count,
    limit,
    offset,
    carriers: req.scope.resolve<ShipmentModuleService>(SHIPMENT_MODULE).listCarrierInfo(false),
  })
}

/**
 * *Buy labels*: queues a label batch for the selected orders (or all
 * matching the filters) with a parcel template and a rule. The worker buys
 * one label per order, exactly once per order, through the single purchase
 * path; test orders get sandbox labels only. 202 with the batch;
 * `GET …/:id` follows it, `GET …/:id/file` prints all its labels.
 */
export const POST = async (req: AuthenticatedMedusaRequest<AdminCreateLabelBatchType>, res: MedusaResponse) => {
  const { result } = await createLabelBatchWorkflow(req.scope).run({
    input: { params: req.validatedBody, created_by: req.auth_context?.actor_id ?? null },
  })
  res.status(202).json({ label_batch: toAdminLabelBatch(result) })
}
