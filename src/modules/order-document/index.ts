import { Module } from "@medusajs/framework/utils"
import OrderDocumentModuleService from "./service"

/** Registration name of the order document module. */
export const ORDER_DOCUMENT_MODULE = "order_document"

export default Module(ORDER_DOCUMENT_MODULE, {
  service: OrderDocumentModuleService,
})

export { OrderDocumentModuleService }
export * from "./state-machine"
