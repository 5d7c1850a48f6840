import { model } from "@medusajs/framework/utils"
import { ORDER_DELIVERY_STATUSES, ORDER_FULFILLMENT_STATUSES, ORDER_PAYMENT_STATUSES } from "../statuses"

/**
 * The persisted status projection of one order: what the Order operations
 * list filters and sorts on, in SQL. One row per order (`order_id` is
 * unique), rewritten by `refreshOrderStatusWorkflow` whenever something that
 * can change an order's statuses happens. Everything here can be recomputed
 * from Medusa's own records and our shipments, so a row is never the only
 * copy of anything.
 *
 * The table is `order_status` and Query knows it as `order_status`, but the
 * entity is named `OrderStatusRow`: Medusa's order module already has an
 * `OrderStatus` GraphQL type (the order's own status enum), which would
 * swallow ours in generated Query types, and Medusa pluralises
 * "OrderStatus" one way at runtime ("OrderStatuses") and another in its
 * types ("OrderStatus"). The module's joiner config maps the names back
 * (see ../service.ts).
 */
export const OrderStatusRow = model
  .define({ name: "OrderStatusRow", tableName: "order_status" }, {
    id: model.id({ prefix: "ostat" }).primaryKey(),
    order_id: model.text(),
    display_id: model.number(),
    email: model.text().nullable(),
    customer_id: model.text().nullable(),
    /** The customer's name, else the billing or shipping address name. */
    customer_name: model.text().nullable(),
    currency_code: model.text(),
    /** The order total; numeric, so it sorts as a number in SQL. */
    total: model.bigNumber(),
    fulfillment_status: model.enum(ORDER_FULFILLMENT_STATUSES),
    payment_status: model.enum(ORDER_PAYMENT_STATUSES),
    /** The digital deliveries' state as one value (`none` without digital items). */
    delivery_status: model.enum(ORDER_DELIVERY_STATUSES).default("none"),
    /** Set by the test-orders feature; test orders can be filtered out. */
    is_test: model.boolean().default(false),
    /** Units ordered (sum of item quantities). */
    item_count: model.number().default(0),
    /** Our shipments for the order, canceled ones included. */
    shipment_count: model.number().default(0),
    /** The status of each of our shipments, oldest shipment first. */
    shipment_statuses: model.array().default([]),
    /** When the order was placed (the order's own `created_at`). */
    order_created_at: model.dateTime(),
    canceled_at: model.dateTime().nullable(),
    /** Order case (holds, labels, disputes): the active hold's reason, null when not held. */
    hold_reason: model.text().nullable(),
    /** When the active hold was placed. */
    held_since: model.dateTime().nullable(),
    /** The merchant's order label set on the order (id and name, for filter and badge). */
    order_label_id: model.text().nullable(),
    order_label_name: model.text().nullable(),
    order_label_color: model.text().nullable(),
    /** The status of the order's most pressing dispute (an open one first, else the latest). */
    dispute_status: model.text().nullable(),
    /** The earliest evidence due date among its open disputes. */
    dispute_due_at: model.dateTime().nullable(),
    /**
     * The code of the order's shipping option type (its first shipping method's), so the
     * exceptions inbox can apply a fulfillment SLA per type. Null without one.
     */
    shipping_option_type: model.text().nullable(),
    /** When this row was last recomputed. */
    computed_at: model.dateTime(),
    /**
     * When `delivery_status` alone was last recomputed (a delivery attempt's
     * outcome), if later than `computed_at`: the database clock as that
     * computation began. A full refresh that began earlier leaves the delivery
     * status as it is.
     */
    delivery_status_at: model.dateTime().nullable(),
    /**
     * When `shipment_statuses` alone was last recomputed (shipments moved
     * without any chance of moving the order's fulfillment status), if later
     * than `computed_at`: the database clock as that computation began. A
     * full refresh that began earlier leaves the shipment statuses as they are.
     */
    shipment_statuses_at: model.dateTime().nullable(),
  })
  .indexes([
    {
      name: "IDX_order_status_order_id_unique",
      on: ["order_id"],
      unique: true,
      where: "deleted_at IS NULL",
    },
    {
      name: "IDX_order_status_fulfillment_status_created",
      on: ["fulfillment_status", "order_created_at", "id"],
      where: "deleted_at IS NULL",
    },
    {
      name: "IDX_order_status_payment_status_created",
      on: ["payment_status", "order_created_at", "id"],
      where: "deleted_at IS NULL",
    },
    {
      name: "IDX_order_status_delivery_status_created",
      on: ["delivery_status", "order_created_at", "id"],
      where: "deleted_at IS NULL",
    },
    {
      name: "IDX_order_status_order_created_at",
      on: ["order_created_at", "id"],
      where: "deleted_at IS NULL",
    },
    {
      name: "IDX_order_status_total",
      on: ["total", "id"],
      where: "deleted_at IS NULL",
    },
    {
      name: "IDX_order_status_held_since",
      on: ["held_since"],
      where: "deleted_at IS NULL AND hold_reason IS NOT NULL",
    },
    {
      name: "IDX_order_status_order_label_id",
      on: ["order_label_id", "order_created_at"],
      where: "deleted_at IS NULL AND order_label_id IS NOT NULL",
    },
    {
      name: "IDX_order_status_dispute_due_at",
      on: ["dispute_due_at"],
      where: "deleted_at IS NULL AND dispute_status IS NOT NULL",
    },
    {
      name: "IDX_order_status_display_id",
      on: ["display_id"],
      where: "deleted_at IS NULL",
    },
  ])

/**
 * The heal job's cursor: one row (`order-status-heal`) saying up to when
 * source changes were examined, so any worker continues where the last pass
 * stopped. Written only by raw SQL in the service (`saveHealCursor`).
 */
export const OrderStatusHealCursor = model.define(
  { name: "OrderStatusHealCursor", tableName: "order_status_heal_cursor" },
  {
    id: model.id().primaryKey(),
    cursor: model.dateTime().nullable(),
    last_run_at: model.dateTime().nullable(),
    last_count: model.number().default(0),
    /** When a pass last looked at every order (not only the changed ones). */
    full_scan_at: model.dateTime().nullable(),
  }
)
