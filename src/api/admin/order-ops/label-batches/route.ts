import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { createLabelBatchWorkflow } from "../../../../workflows/labels/workflows/create-label-batch"
import { toAdminLabelBatch } from "./helpers"
import type { AdminCreateLabelBatchType } from "./validators"

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
