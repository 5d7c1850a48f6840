import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { cancelDocumentJobWorkflow } from "../../../../../../workflows/order-documents/workflows/cancel-document-job"
import { retrieveLabelBatch, toAdminLabelBatch } from "../../helpers"

/**
 * Stops a waiting or running label batch after the orders in hand (400 when
 * it already finished). Labels already bought stay bought and shipped.
 */
export const POST = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  await retrieveLabelBatch(req.scope, req.params.id)
  const { result } = await cancelDocumentJobWorkflow(req.scope).run({ input: { id: req.params.id } })
  res.json({ label_batch: toAdminLabelBatch(result) })
}
