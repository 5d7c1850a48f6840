import { Module } from "@medusajs/framework/utils"
import OrderActivityModuleService from "./service"

/** Registration name of the order activity module. */
export const ORDER_ACTIVITY_MODULE = "order_activity"

export default Module(ORDER_ACTIVITY_MODULE, {
  service: OrderActivityModuleService,
})

export { OrderActivityModuleService }
