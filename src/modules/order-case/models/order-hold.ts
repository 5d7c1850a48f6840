import { model } from "@medusajs/framework/utils"

/** Why an order is held (Shopify's fulfillment-hold reasons plus "other"). */
export const ORDER_HOLD_REASONS = [
  "awaiting_payment",
  "high_risk",
  "incorrect_address",
  "out_of_stock",
  "other",
] as const
export type OrderHoldReason = (typeof ORDER_HOLD_REASONS)[number]

/** Merchant-facing names of the hold reasons. */
export const ORDER_HOLD_REASON_LABELS: Record<OrderHoldReason, string> = {
  awaiting_payment: "Awaiting payment",
  high_risk: "High risk",
  incorrect_address: "Incorrect address",
  out_of_stock: "Out of stock",
  other: "Other",
}

/**
 * A hold on an order: while a row has no `released_at`, shipments, labels
 * and digital deliveries of the order are refused (deliveries wait). At most
 * one active hold per order (partial unique index); released holds stay as
 * history.
 */
export const OrderHold = model
  .define("order_hold", {
    id: model.id({ prefix: "ohold" }).primaryKey(),
    order_id: model.text(),
    reason: model.enum([...ORDER_HOLD_REASONS]),
    note: model.text().nullable(),
    placed_by: model.text().nullable(),
    placed_at: model.dateTime(),
    released_at: model.dateTime().nullable(),
    released_by: model.text().nullable(),
    release_note: model.text().nullable(),
  })
  .indexes([
    {
      name: "IDX_order_hold_active_order_unique",
      on: ["order_id"],
      unique: true,
      where: "deleted_at IS NULL AND released_at IS NULL",
    },
    { name: "IDX_order_hold_order_id", on: ["order_id"], where: "deleted_at IS NULL" },
  ])
