import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { recordShipmentEventWorkflow } from "../../../../../workflows/shipments/workflows/record-shipment-event"
import { refetchShipment } from "../../helpers"
import type { AdminCreateShipmentEventType } from "../../validators"
import type { AdminShipmentEventResponse } from "../../../../../types"

/**
 * A manual tracking update. A move the state machine forbids is a 400; an
 * event older than the newest one is recorded without moving the shipment.
 */
export const POST = async (
  req: AuthenticatedMedusaRequest<AdminCreateShipmentEventType>,
  res: MedusaResponse<AdminShipmentEventResponse>
) => {
  const { result } = await recordShipmentEventWorkflow(req.scope).run({
    input: {
      shipment_id: req.params.id,
      ...req.validatedBody,
      source: "manual",
      actor_id: req.auth_context.actor_id,
      strict: true,
    },
  })
  res.status(201).json({
    shipment: await refetchShipment(req.scope, req.params.id),
    event: result.event,
    applied: result.applied,
    reason: result.reason,
  })
}
