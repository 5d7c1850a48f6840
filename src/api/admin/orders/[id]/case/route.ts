import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { assertOrderFound, loadOrderCase } from "../../../order-case/helpers"

/** The order's case: active hold and history, merchant label, disputes. */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  await assertOrderFound(req.scope, req.params.id)
  res.json({ case: await loadOrderCase(req.scope, req.params.id) })
}
