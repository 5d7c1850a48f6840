import { Module } from "@medusajs/framework/utils"
import DigitalDeliveryModuleService from "./service"

/** Registration name of the digital delivery module. */
export const DIGITAL_DELIVERY_MODULE = "digital_delivery"

export default Module(DIGITAL_DELIVERY_MODULE, {
  service: DigitalDeliveryModuleService,
})

export { DigitalDeliveryModuleService }
export * from "./state-machine"
export * from "./methods/types"
