import { Module } from "@medusajs/framework/utils"
import OrderCaseModuleService from "./service"

/** Registration name of the order case module (holds, labels, disputes). */
export const ORDER_CASE_MODULE = "order_case"

export default Module(ORDER_CASE_MODULE, {
  service: OrderCaseModuleService,
})

export { OrderCaseModuleService }
