import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { recordShipmentEventWorkflow } from "../../../../../workflows/shipments/workflows/record-shipment-event"
import { refetchShipment } from "../../helpers"
import type { AdminShipmentResponse } from "../../../../../types"

/** Mark as delivered — or, for a pickup shipment, Mark as picked up. */
export const POST = async (req: AuthenticatedMedusaRequest, res: MedusaResponse<AdminShipmentResponse>) => {
  await recordShipmentEventWorkflow(req.scope).run({
    input: {
      shipment_id: req.params.id,
      status: "delivered",
      source: "manual",
      message: "Marked as delivered by staff",
      actor_id: req.auth_context.actor_id,
      strict: true,
    },
  })
  res.json({ shipment: await refetchShipment(req.scope, req.params.id) })
}
