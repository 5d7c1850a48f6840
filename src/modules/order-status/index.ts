import { Module } from "@medusajs/framework/utils"
import { ORDER_STATUS_MODULE } from "./joiner-config"
import OrderStatusModuleService from "./service"

export { ORDER_STATUS_MODULE }

export default Module(ORDER_STATUS_MODULE, {
  service: OrderStatusModuleService,
})

export { OrderStatusModuleService }
export * from "./statuses"
