import { model } from "@medusajs/framework/utils"

/**
 * One thing that happened to an order, recorded by this plugin's workflows
 * (notes now; shipments, labels, deliveries and test flags later).
 * Append-only: the service refuses updates.
 */
export const OrderActivity = model
  .define("order_activity", {
    id: model.id({ prefix: "oact" }).primaryKey(),
    order_id: model.text(),
    kind: model.text(),
    actor_type: model.enum(["user", "customer", "system"]).default("system"),
    actor_id: model.text().nullable(),
    resource_type: model.text().nullable(),
    resource_id: model.text().nullable(),
    data: model.json().nullable(),
    occurred_at: model.dateTime(),
  })
  .indexes([
    {
      name: "IDX_order_activity_order_id_occurred_at",
      on: ["order_id", "occurred_at"],
      where: "deleted_at IS NULL",
    },
    {
      name: "IDX_order_activity_resource",
      on: ["resource_type", "resource_id"],
      where: "deleted_at IS NULL",
    },
  ])
