import { defineLink } from "@medusajs/framework/utils"
import OrderModule from "@medusajs/medusa/order"
import TestOrderModule from "../modules/test-order"

/**
 * Read-only link: an order's test flag, through `test_order.order_id`.
 * `query.graph({ entity: "order", fields: ["test_order.*"] })` is null for a
 * real order.
 */
export default defineLink(
  { linkable: OrderModule.linkable.order, field: "id" },
  {
    ...TestOrderModule.linkable.testOrder.id,
    primaryKey: "order_id",
    alias: "test_order",
  },
  { readOnly: true }
)
