import { model } from "@medusajs/framework/utils"

/**
 * The inbox of verified carrier webhooks. The route writes one row per
 * delivery and answers at once; a subscriber (and, as a safety net, a
 * scheduled sweep) applies it. A replayed delivery hits the unique
 * (carrier, provider_event_id) index and writes nothing.
 */
export const CarrierWebhookEvent = model
  .define("carrier_webhook_event", {
    id: model.id({ prefix: "cwh" }).primaryKey(),
    /** A registered carrier's code (`carriers/registry.ts`), checked by the webhook route — not a database enum. */
    carrier: model.text(),
    provider_event_id: model.text(),
    /** The parsed tracking updates (see CarrierTrackingUpdate). */
    updates: model.json(),
    status: model.enum(["received", "processed", "ignored", "failed"]).default("received"),
    attempts: model.number().default(0),
    error: model.text().nullable(),
    next_attempt_at: model.dateTime().nullable(),
    processed_at: model.dateTime().nullable(),
  })
  .indexes([
    {
      name: "IDX_carrier_webhook_event_unique",
      on: ["carrier", "provider_event_id"],
      unique: true,
      where: "deleted_at IS NULL",
    },
    { name: "IDX_carrier_webhook_event_pending", on: ["next_attempt_at"], where: "deleted_at IS NULL AND status = 'received'" },
  ])
