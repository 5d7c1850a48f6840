import { defineLink } from "@medusajs/framework/utils"
import OrderModule from "@medusajs/medusa/order"
import OrderActivityModule from "../modules/order-activity"

/** Read-only link: an order's activity entries, through `order_activity.order_id`. */
export default defineLink(
  { linkable: OrderModule.linkable.order, field: "id" },
  {
    ...OrderActivityModule.linkable.orderActivity.id,
    primaryKey: "order_id",
  },
  { readOnly: true, isList: true }
)
