import { model } from "@medusajs/framework/utils"

/** Badge colours a label can take (those of `@medusajs/ui`'s StatusBadge). */
export const ORDER_LABEL_COLORS = ["grey", "blue", "green", "orange", "red", "purple"] as const
export type OrderLabelColor = (typeof ORDER_LABEL_COLORS)[number]

/**
 * A merchant-defined order label ("Waiting for stock", "Order shipped"),
 * managed in settings. It is a hand-set status shown beside the computed
 * ones, never instead of them. Names are unique (case-insensitively).
 */
export const OrderLabel = model
  .define("order_label", {
    id: model.id({ prefix: "olbl" }).primaryKey(),
    name: model.text(),
    color: model.enum([...ORDER_LABEL_COLORS]).default("grey"),
    /** Shown to the customer in the store API when the label is set on their order. */
    customer_visible: model.boolean().default(true),
  })
  .indexes([
    {
      name: "IDX_order_label_name_unique",
      on: ["name"],
      unique: true,
      where: "deleted_at IS NULL",
    },
  ])

/**
 * The label currently set on an order (one per order), with an optional
 * reference (a supplier's order number, a ticket…).
 */
export const OrderLabelAssignment = model
  .define("order_label_assignment", {
    id: model.id({ prefix: "olba" }).primaryKey(),
    order_id: model.text(),
    label_id: model.text(),
    reference: model.text().nullable(),
    set_by: model.text().nullable(),
    set_at: model.dateTime(),
  })
  .indexes([
    {
      name: "IDX_order_label_assignment_order_unique",
      on: ["order_id"],
      unique: true,
      where: "deleted_at IS NULL",
    },
    { name: "IDX_order_label_assignment_label_id", on: ["label_id"], where: "deleted_at IS NULL" },
  ])
