import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { SHIPMENT_MODULE } from "../../../modules/shipment"
import type ShipmentModuleService from "../../../modules/shipment/service"
import type { RecordShipmentEventInput } from "../../../modules/shipment/service"

export type RecordShipmentEventStepInput = RecordShipmentEventInput & {
  /** A person's update (illegal moves throw) rather than a carrier feed. */
  strict: boolean
}

export const recordShipmentEventStepId = "order-ops-record-shipment-event"

/**
 * Records a tracking event and applies it when it is new, on time and legal.
 * Compensation removes the event and restores the shipment's status.
 *
 * @throws MedusaError INVALID_DATA "cannot go from X to Y" for an illegal strict move.
 */
export const recordShipmentEventStep = createStep(
  recordShipmentEventStepId,
  async ({ strict, ...input }: RecordShipmentEventStepInput, { container }) => {
    const service: ShipmentModuleService = container.resolve(SHIPMENT_MODULE)
    const result = await service.recordShipmentEvent(input, strict)
    return new StepResponse(result, {
      event: result.event,
      previous: result.previous,
      duplicate: result.duplicate,
    })
  },
  async (undo, { container }) => {
    if (!undo) {
      return
    }
    const service: ShipmentModuleService = container.resolve(SHIPMENT_MODULE)
    await service.revertShipmentEvent(undo)
  }
)
