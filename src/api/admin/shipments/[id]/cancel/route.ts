import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { recordShipmentEventWorkflow } from "../../../../../workflows/shipments/workflows/record-shipment-event"
import { refetchShipment } from "../../helpers"
import type { AdminShipmentResponse } from "../../../../../types"

/**
 * Cancels a shipment (until it is delivered). A fulfillment that has not
 * shipped is canceled in Medusa too, so its items can be fulfilled again.
 */
export const POST = async (req: AuthenticatedMedusaRequest, res: MedusaResponse<AdminShipmentResponse>) => {
  await recordShipmentEventWorkflow(req.scope).run({
    input: {
      shipment_id: req.params.id,
      status: "canceled",
      source: "manual",
      message: "Canceled by staff",
      actor_id: req.auth_context.actor_id,
      strict: true,
    },
  })
  res.json({ shipment: await refetchShipment(req.scope, req.params.id) })
}
