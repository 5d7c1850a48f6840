import { ModuleProvider, Modules } from "@medusajs/framework/utils"
import { CarrierFulfillmentProviderService } from "./service"

/**
 * The carrier fulfillment provider: calculated carrier rates at checkout and
 * a label bought for every fulfillment that uses one of its options. Register
 * it under the fulfillment module with the plugin's options and id
 * `order-ops-carrier`; its provider id is then `order-ops-carrier_order-ops-carrier`.
 */
export default ModuleProvider(Modules.FULFILLMENT, {
  services: [CarrierFulfillmentProviderService],
})

export { CarrierFulfillmentProviderService }
export { CARRIER_FULFILLMENT_IDENTIFIER, fulfillmentLabelKey, type CarrierFulfillmentData } from "./service"
