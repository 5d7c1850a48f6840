import { Module } from "@medusajs/framework/utils"
import TestOrderModuleService from "./service"

/** Registration name of the test order module. */
export const TEST_ORDER_MODULE = "test_order"

export default Module(TEST_ORDER_MODULE, {
  service: TestOrderModuleService,
})

export { TestOrderModuleService }
