import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { cancelDocumentJobWorkflow } from "../../../../../../workflows/order-documents/workflows/cancel-document-job"
import { retrieveExportJob, toAdminExport } from "../../helpers"

/** Cancels a waiting or running export (400 when it already finished). */
export const POST = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  await retrieveExportJob(req.scope, req.params.id)
  const { result } = await cancelDocumentJobWorkflow(req.scope).run({ input: { id: req.params.id } })
  res.json({ export: toAdminExport(result) })
}
