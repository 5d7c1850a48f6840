import { Module } from "@medusajs/framework/utils"
import ShipmentModuleService from "./service"

/** Registration name of the shipment module. */
export const SHIPMENT_MODULE = "shipment"

export default Module(SHIPMENT_MODULE, {
  service: ShipmentModuleService,
})

export { ShipmentModuleService }
export * from "./state-machine"
