import { Module } from "@medusajs/framework/utils"
import OrderOpsSettingsModuleService from "./service"

/** Registration name of the settings module. */
export const ORDER_OPS_SETTINGS_MODULE = "order_ops_settings"

export default Module(ORDER_OPS_SETTINGS_MODULE, {
  service: OrderOpsSettingsModuleService,
})

export { OrderOpsSettingsModuleService }
export * from "./registry"
