import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { cancelDocumentJobWorkflow } from "../../../../../../workflows/order-documents/workflows/cancel-document-job"
import { toAdminExport } from "../../../exports/helpers"
import { retrieveBulkOrderAction } from "../../helpers"

/** Stops a waiting or running bulk action after the order in hand (400 when it already finished). */
export const POST = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  await retrieveBulkOrderAction(req.scope, req.params.id)
  const { result } = await cancelDocumentJobWorkflow(req.scope).run({ input: { id: req.params.id } })
  res.json({ job: toAdminExport(result) })
}
