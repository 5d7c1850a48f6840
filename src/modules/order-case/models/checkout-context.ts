import { model } from "@medusajs/framework/utils"

/**
 * Who completed a cart: the client's IP address and user agent, recorded by
 * a store middleware on `POST /store/carts/:id/complete` (one row per cart,
 * the last completion request wins) and linked to the order once it is
 * placed. Evidence for a chargeback; never used to decide anything.
 */
export const CheckoutContext = model
  .define("order_checkout_context", {
    id: model.id({ prefix: "ochk" }).primaryKey(),
    cart_id: model.text(),
    order_id: model.text().nullable(),
    ip: model.text().nullable(),
    user_agent: model.text().nullable(),
    recorded_at: model.dateTime(),
  })
  .indexes([
    { name: "IDX_order_checkout_context_cart_unique", on: ["cart_id"], unique: true, where: "deleted_at IS NULL" },
    { name: "IDX_order_checkout_context_order_id", on: ["order_id"], where: "deleted_at IS NULL AND order_id IS NOT NULL" },
  ])
