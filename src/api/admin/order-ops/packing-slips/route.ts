import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { createDocumentJobWorkflow } from "../../../../workflows/order-documents/workflows/create-order-export"
import { toAdminExport } from "../exports/helpers"
import type { AdminCreatePackingSlipBatchType } from "./validators"
import type { AdminPackingSlipBatchResponse } from "../../../../types"

/**
 * Asks for the packing slips of the selected orders (or all matching the
 * filters) as one PDF. Answers 202 with the queued job; the worker renders
 * it with progress, `GET …/:id` follows it and `GET …/:id/file` downloads it.
 */
export const POST = async (req: AuthenticatedMedusaRequest<AdminCreatePackingSlipBatchType>, res: MedusaResponse<AdminPackingSlipBatchResponse>) => {
  const { result } = await createDocumentJobWorkflow(req.scope).run({
    input: { kind: "packing_slips", params: req.validatedBody, created_by: req.auth_context?.actor_id ?? null },
  })
  res.status(202).json({ job: toAdminExport(result) })
}
