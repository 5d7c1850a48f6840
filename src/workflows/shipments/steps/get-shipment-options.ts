import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { SHIPMENT_MODULE } from "../../../modules/shipment"
import type ShipmentModuleService from "../../../modules/shipment/service"

export const getShipmentOptionsStepId = "order-ops-get-shipment-options"

/** The plugin's validated options, as the shipment module loaded them. */
export const getShipmentOptionsStep = createStep(
  getShipmentOptionsStepId,
  async (_: void, { container }) => {
    const service: ShipmentModuleService = container.resolve(SHIPMENT_MODULE)
    return new StepResponse(service.getOptions())
  }
)
