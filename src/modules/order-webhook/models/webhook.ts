import { model } from "@medusajs/framework/utils"

/**
 * A merchant's receiving URL. `secret` signs every message (Standard
 * Webhooks, `whsec_…`); after a rotation `previous_secret` keeps signing
 * beside it until `previous_secret_expires_at`, so the receiver can swap keys
 * without losing a message. Secrets are never returned by the API after the
 * response that created them.
 */
export const WebhookEndpoint = model.define("webhook_endpoint", {
  id: model.id({ prefix: "whep" }).primaryKey(),
  url: model.text(),
  description: model.text().nullable(),
  /** Event types from the catalogue this endpoint receives. */
  events: model.json(),
  enabled: model.boolean().default(true),
  /** Receive test orders' events too (always flagged `is_test: true`). */
  include_test_orders: model.boolean().default(false),
  secret: model.text(),
  previous_secret: model.text().nullable(),
  previous_secret_expires_at: model.dateTime().nullable(),
  /** Why the endpoint was switched off by the plugin (410, failing for days). */
  disabled_reason: model.text().nullable(),
  /** Start of the current run of failures; cleared by any success. */
  failing_since: model.dateTime().nullable(),
  /** Requests in flight to this endpoint at once, counted in the database. */
  max_in_flight: model.number().default(2),
})

/**
 * The outbox: one row per business event, written once (unique
 * `dedupe_key`), with the payload frozen at the time of the change.
 */
export const WebhookEvent = model
  .define("webhook_event", {
    id: model.id({ prefix: "whevt" }).primaryKey(),
    type: model.text(),
    version: model.number().default(1),
    /** What makes a second enqueue of the same change a no-op (e.g. `order.placed:order_123`). */
    dedupe_key: model.text(),
    order_id: model.text().nullable(),
    is_test: model.boolean().default(false),
    payload: model.json(),
    occurred_at: model.dateTime(),
  })
  .indexes([{ name: "IDX_webhook_event_dedupe_key_unique", on: ["dedupe_key"], unique: true, where: "deleted_at IS NULL" }])

/**
 * One message to one endpoint. Its id is the `webhook-id` header, the same
 * on every attempt and every resend, and (endpoint, event) is unique, so an
 * event reaches an endpoint under one id only.
 */
export const WebhookDelivery = model
  .define("webhook_delivery", {
    id: model.id({ prefix: "msg" }).primaryKey(),
    endpoint_id: model.text(),
    event_id: model.text(),
    event_type: model.text(),
    status: model.enum(["pending", "succeeded", "failed"]).default("pending"),
    attempt_count: model.number().default(0),
    /** Due time of the first attempt of the current run (the schedule counts from it). */
    scheduled_from: model.dateTime(),
    next_attempt_at: model.dateTime().nullable(),
    locked_until: model.dateTime().nullable(),
    /** Fencing token: bumped by every lease; an outcome is recorded only under the token it was leased with. */
    lease_token: model.number().default(0),
    last_status_code: model.number().nullable(),
    last_error: model.text().nullable(),
    delivered_at: model.dateTime().nullable(),
  })
  .indexes([
    { name: "IDX_webhook_delivery_endpoint_event_unique", on: ["endpoint_id", "event_id"], unique: true, where: "deleted_at IS NULL" },
    { name: "IDX_webhook_delivery_due", on: ["next_attempt_at"], where: "deleted_at IS NULL AND status = 'pending'" },
    { name: "IDX_webhook_delivery_endpoint", on: ["endpoint_id", "created_at"], where: "deleted_at IS NULL" },
    { name: "IDX_webhook_delivery_endpoint_due", on: ["endpoint_id", "next_attempt_at", "id"], where: "deleted_at IS NULL AND status = 'pending'" },
    {
      name: "IDX_webhook_delivery_endpoint_leased",
      on: ["endpoint_id", "locked_until"],
      where: "deleted_at IS NULL AND status = 'pending' AND locked_until IS NOT NULL",
    },
  ])

/** One HTTP request of a delivery, for the delivery log. */
export const WebhookAttempt = model
  .define("webhook_attempt", {
    id: model.id({ prefix: "whatt" }).primaryKey(),
    delivery_id: model.text(),
    endpoint_id: model.text(),
    attempt: model.number(),
    status_code: model.number().nullable(),
    duration_ms: model.number().default(0),
    /** First 1,000 characters of the answer. */
    response_body: model.text().nullable(),
    error: model.text().nullable(),
    outcome: model.enum(["succeeded", "retry", "failed"]),
  })
  .indexes([{ name: "IDX_webhook_attempt_delivery", on: ["delivery_id", "created_at"], where: "deleted_at IS NULL" }])

/** A stable, unguessable reference per order, shown to receivers instead of the internal id. */
export const WebhookOrderReference = model
  .define("webhook_order_reference", {
    id: model.id({ prefix: "whref" }).primaryKey(),
    order_id: model.text(),
    reference: model.text(),
  })
  .indexes([
    { name: "IDX_webhook_order_reference_order_unique", on: ["order_id"], unique: true, where: "deleted_at IS NULL" },
    { name: "IDX_webhook_order_reference_ref_unique", on: ["reference"], unique: true, where: "deleted_at IS NULL" },
  ])
