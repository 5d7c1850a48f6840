import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { voidShippingLabelWorkflow } from "../../../../../workflows/labels/workflows/void-shipping-label"
import { refetchShipment } from "../../../shipments/helpers"
import { retrieveLabel } from "../../helpers"
import type { AdminVoidLabelResponse } from "../../../../../types"

/** Voids the label (until the carrier's first scan) and cancels its shipment. */
export const POST = async (req: AuthenticatedMedusaRequest, res: MedusaResponse<AdminVoidLabelResponse>) => {
  await retrieveLabel(req.scope, req.params.id)
  await voidShippingLabelWorkflow(req.scope).run({
    input: { label_id: req.params.id, actor_id: req.auth_context.actor_id },
  })
  const label = await retrieveLabel(req.scope, req.params.id)
  const shipment = label.shipment_id ? await refetchShipment(req.scope, label.shipment_id) : null
  res.json({ label, shipment })
}
