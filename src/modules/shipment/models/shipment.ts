import { model } from "@medusajs/framework/utils"
import { SHIPMENT_STATUSES } from "../state-machine"
import { ShipmentEvent } from "./shipment-event"

/**
 * One parcel (or pickup) of an order, backed by one Medusa fulfillment.
 * `status` follows the state machine in ../state-machine.ts; `last_event_at`
 * is the newest applied event's time, so late events never move it back.
 */
export const Shipment = model
  .define("shipment", {
    id: model.id({ prefix: "shp" }).primaryKey(),
    order_id: model.text(),
    fulfillment_id: model.text().nullable(),
    shipping_point: model.enum(["local", "international", "pickup"]),
    source: model.enum(["manual", "carrier"]).default("manual"),
    status: model.enum(SHIPMENT_STATUSES).default("awaiting_shipment"),
    carrier: model.text().nullable(),
    tracking_number: model.text().nullable(),
    tracking_url: model.text().nullable(),
    estimated_delivery_at: model.dateTime().nullable(),
    notify_customer: model.boolean().default(true),
    items: model.json().nullable(),
    shipped_at: model.dateTime().nullable(),
    delivered_at: model.dateTime().nullable(),
    canceled_at: model.dateTime().nullable(),
    last_event_at: model.dateTime().nullable(),
    metadata: model.json().nullable(),
    events: model.hasMany(() => ShipmentEvent, { mappedBy: "shipment" }),
  })
  .cascades({ delete: ["events"] })
  .indexes([
    { name: "IDX_shipment_order_id", on: ["order_id"], where: "deleted_at IS NULL" },
    { name: "IDX_shipment_fulfillment_id", on: ["fulfillment_id"], where: "deleted_at IS NULL" },
    { name: "IDX_shipment_tracking_number", on: ["tracking_number"], where: "deleted_at IS NULL" },
    /** The exceptions inbox's shipments: awaiting shipment (an unscanned label) and delivery failed. */
    {
      name: "IDX_shipment_exception_status",
      on: ["status"],
      where: "deleted_at IS NULL AND status IN ('awaiting_shipment', 'delivery_failed')",
    },
  ])
