import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { retrieveLabelBatch, toAdminLabelBatch } from "../helpers"

/** One label batch with its progress and, once done, every order's outcome and the *Print all* link. */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  res.json({ label_batch: toAdminLabelBatch(await retrieveLabelBatch(req.scope, req.params.id)) })
}
