import { defineJoinerConfig } from "@medusajs/framework/utils"
import { OrderStatusRow } from "./models"

/** Registration name of the order status module. */
export const ORDER_STATUS_MODULE = "order_status"

/**
 * How Query and links see the module: the `OrderStatusRow` entity answers to
 * `order_status` (and `order_statuses`), so
 * `query.graph({ entity: "order_status" })` works and its generated type does
 * not collide with the order module's `OrderStatus` enum. Everything else
 * (schema, linkable keys, id prefix) is generated from the model as usual.
 */
export const orderStatusJoinerConfig = defineJoinerConfig(ORDER_STATUS_MODULE, {
  models: [OrderStatusRow],
  alias: [
    {
      name: ["order_status", "order_statuses"],
      entity: "OrderStatusRow",
      args: { methodSuffix: "OrderStatusRows" },
    },
  ],
})
