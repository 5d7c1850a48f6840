import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { retrieveLabel } from "../helpers"
import type { AdminLabelResponse } from "../../../../types"

export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse<AdminLabelResponse>) => {
  res.json({ label: await retrieveLabel(req.scope, req.params.id) })
}
