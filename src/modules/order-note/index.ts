import { Module } from "@medusajs/framework/utils"
import OrderNoteModuleService from "./service"

/** Registration name of the order note module: `container.resolve(ORDER_NOTE_MODULE)`. */
export const ORDER_NOTE_MODULE = "order_note"

export default Module(ORDER_NOTE_MODULE, {
  service: OrderNoteModuleService,
})

export { OrderNoteModuleService }
