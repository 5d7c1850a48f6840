import { model } from "@medusajs/framework/utils"

/**
 * Marks an order as a test order: placed through `POST /admin/test-orders`
 * with Medusa's real checkout path, and deletable with
 * `DELETE /admin/test-orders/:order_id`. One row per order (`order_id` is
 * unique). An order without a row is a real order.
 */
export const TestOrder = model
  .define("test_order", {
    id: model.id({ prefix: "tord" }).primaryKey(),
    order_id: model.text(),
    /** The admin user who placed it; null when placed by a script (the demo seed). */
    placed_by: model.text().nullable(),
    customer_id: model.text().nullable(),
    /** True when the customer was generated for this test order (deleted with it). */
    generated_customer: model.boolean().default(false),
    payment_state: model.enum(["paid", "unpaid"]),
    cart_id: model.text().nullable(),
  })
  .indexes([
    {
      name: "IDX_test_order_order_id_unique",
      on: ["order_id"],
      unique: true,
      where: "deleted_at IS NULL",
    },
  ])
