import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { SHIPMENT_MODULE } from "../../../modules/shipment"
import { isTrackingPolled, nextTrackingPollAt } from "../../../modules/shipment/carriers/registry"
import type ShipmentModuleService from "../../../modules/shipment/service"
import type { ShippingLabelDTO } from "../../../types"

export type LinkLabelToShipmentStepInput = {
  label_id: string
  shipment_id: string
  fulfillment_id: string
}

export const linkLabelToShipmentStepId = "order-ops-link-label-to-shipment"

/**
 * Ties the ledger row to the shipment and fulfillment it paid for, and, for
 * a carrier that sends no webhooks, schedules the first tracking poll.
 * Compensation unties them.
 */
export const linkLabelToShipmentStep = createStep(
  linkLabelToShipmentStepId,
  async (input: LinkLabelToShipmentStepInput, { container }) => {
    const service = container.resolve<ShipmentModuleService>(SHIPMENT_MODULE)
    const current = (await service.retrieveShippingLabel(input.label_id)) as unknown as ShippingLabelDTO
    const options = service.getOptions().carriers
    const polled = isTrackingPolled(current.carrier, options)
    const label = (await service.updateShippingLabels({
      id: input.label_id,
      shipment_id: input.shipment_id,
      fulfillment_id: input.fulfillment_id,
      next_check_at: polled ? nextTrackingPollAt(current.carrier, options) : null,
    })) as unknown as ShippingLabelDTO
    return new StepResponse(label, input.label_id)
  },
  async (labelId, { container }) => {
    if (labelId) {
      await container
        .resolve<ShipmentModuleService>(SHIPMENT_MODULE)
        .updateShippingLabels({ id: labelId, shipment_id: null, fulfillment_id: null, next_check_at: null })
    }
  }
)
