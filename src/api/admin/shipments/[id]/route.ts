import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { updateShipmentWorkflow } from "../../../../workflows/shipments/workflows/update-shipment"
import { refetchShipment } from "../helpers"
import type { AdminUpdateShipmentType } from "../validators"
import type { AdminShipmentResponse } from "../../../../types"

/** One shipment with its event history. */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse<AdminShipmentResponse>) => {
  res.json({ shipment: await refetchShipment(req.scope, req.params.id) })
}

/** Edits a manual shipment: carrier, tracking, ETA, notify, status. */
export const POST = async (
  req: AuthenticatedMedusaRequest<AdminUpdateShipmentType>,
  res: MedusaResponse<AdminShipmentResponse>
) => {
  await updateShipmentWorkflow(req.scope).run({
    input: { shipment_id: req.params.id, ...req.validatedBody, actor_id: req.auth_context.actor_id },
  })
  res.json({ shipment: await refetchShipment(req.scope, req.params.id) })
}
