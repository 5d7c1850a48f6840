import { model } from "@medusajs/framework/utils"
import { SHIPMENT_STATUSES } from "../state-machine"
import { Shipment } from "./shipment"

/**
 * A tracking event. Every event is kept; `applied` says whether it moved the
 * shipment (a late or backwards event is recorded but not applied). A carrier
 * event id is unique per shipment, so a replayed event is a no-op.
 */
export const ShipmentEvent = model
  .define("shipment_event", {
    id: model.id({ prefix: "shpev" }).primaryKey(),
    status: model.enum(SHIPMENT_STATUSES),
    occurred_at: model.dateTime(),
    source: model.enum(["manual", "carrier", "system"]).default("manual"),
    provider_event_id: model.text().nullable(),
    message: model.text().nullable(),
    location: model.text().nullable(),
    applied: model.boolean().default(true),
    actor_id: model.text().nullable(),
    data: model.json().nullable(),
    shipment: model.belongsTo(() => Shipment, { mappedBy: "events" }),
  })
  .indexes([
    { name: "IDX_shipment_event_shipment_id", on: ["shipment_id", "occurred_at"], where: "deleted_at IS NULL" },
    {
      name: "IDX_shipment_event_provider_event_id_unique",
      on: ["shipment_id", "provider_event_id"],
      unique: true,
      where: "provider_event_id IS NOT NULL AND deleted_at IS NULL",
    },
  ])
