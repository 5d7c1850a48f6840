import { defineLink } from "@medusajs/framework/utils"
import OrderModule from "@medusajs/medusa/order"
import OrderStatusModule from "../modules/order-status"

/**
 * Read-only link: an order's persisted statuses, through
 * `order_status.order_id` (one row per order). Lets
 * `query.graph({ entity: "order", fields: ["order_status.*"] })` work
 * without a pivot table.
 */
export default defineLink(
  { linkable: OrderModule.linkable.order, field: "id" },
  {
    ...OrderStatusModule.linkable.orderStatusRow.id,
    primaryKey: "order_id",
    alias: "order_status",
  },
  { readOnly: true }
)
