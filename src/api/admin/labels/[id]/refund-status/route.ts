import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { followUpShippingLabelWorkflow } from "../../../../../workflows/labels/workflows/follow-up-shipping-label"
import { retrieveLabel } from "../../helpers"
import type { AdminLabelResponse } from "../../../../../types"

/** Asks the carrier where a voided label's refund stands, now. */
export const POST = async (req: AuthenticatedMedusaRequest, res: MedusaResponse<AdminLabelResponse>) => {
  const label = await retrieveLabel(req.scope, req.params.id)
  if (label.status !== "voided" || label.refund_status === "none") {
    throw new MedusaError(MedusaError.Types.NOT_ALLOWED, `Label ${label.id} has no refund to check: it is not voided`)
  }
  if (label.refund_status === "submitted" || label.refund_status === "pending") {
    await followUpShippingLabelWorkflow(req.scope).run({ input: { label_id: label.id } })
  }
  res.json({ label: await retrieveLabel(req.scope, req.params.id) })
}
