import { defineLink } from "@medusajs/framework/utils"
import OrderModule from "@medusajs/medusa/order"
import OrderNoteModule from "../modules/order-note"

/**
 * Read-only link: an order's notes, through `order_note.order_id`.
 * Lets `query.graph({ entity: "order", fields: ["order_note.*"] })` work
 * without a pivot table.
 */
export default defineLink(
  { linkable: OrderModule.linkable.order, field: "id" },
  {
    ...OrderNoteModule.linkable.orderNote.id,
    primaryKey: "order_id",
  },
  { readOnly: true, isList: true }
)
