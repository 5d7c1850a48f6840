import { z } from "@medusajs/framework/zod"

/**
 * The event catalogue: every event type an endpoint can subscribe to, with
 * its payload version and a zod schema for its `data`. The same schemas
 * validate each payload before it enters the outbox and are published as
 * JSON Schema (README, `GET /admin/order-ops/webhooks/events`). A change that
 * is not backwards compatible gets a new `version`.
 *
 * Payloads name the order by its display id and a stable, unguessable
 * `order_reference` — never internal ids of other modules, secrets or
 * internal notes.
 */

const money = z.object({
  amount: z.number().describe("Amount in the currency's main unit (e.g. 12.5)"),
  currency_code: z.string().describe("ISO 4217 code, lower case"),
})

const orderRef = {
  order_reference: z.string().describe("Stable, unguessable reference of the order (`oref_…`)"),
  display_id: z.number().int().nullable().describe("The order number the merchant and customer see"),
  is_test: z.boolean().describe("True for test orders (sent only to endpoints that opt in)"),
}

const orderSummary = z.object({
  ...orderRef,
  email: z.string().nullable(),
  currency_code: z.string(),
  total: z.number(),
  placed_at: z.string().describe("ISO 8601"),
  items: z.array(
    z.object({
      title: z.string(),
      sku: z.string().nullable(),
      quantity: z.number(),
      unit_price: z.number(),
    })
  ),
})

const statusChange = z.object({
  ...orderRef,
  previous_status: z.string().nullable(),
  status: z.string(),
})

/** The catalogue: type → version, description, schema of `data`. */
export const WEBHOOK_EVENT_CATALOGUE = {
  "order.received": {
    version: 1,
    description: "An order was placed and is paid (the moment to push it to a POS or accounting system).",
    data: orderSummary,
  },
  "order.placed": { version: 1, description: "An order was placed (paid or not).", data: orderSummary },
  "order.paid": { version: 1, description: "An order's payment was captured.", data: z.object({ ...orderRef, amount: money }) },
  "order.refunded": {
    version: 1,
    description: "A refund was issued.",
    data: z.object({ ...orderRef, amount: money, reason: z.string().nullable() }),
  },
  "order.canceled": { version: 1, description: "An order was canceled.", data: z.object(orderRef) },
  "order.completed": { version: 1, description: "An order was completed.", data: z.object(orderRef) },
  "order.fulfillment_status_changed": {
    version: 1,
    description:
      "The order's persisted fulfillment status (as the Order operations list shows it) changed: previous and new. Not sent for an order's first status; `order.placed` announces the order.",
    data: statusChange,
  },
  "order.payment_status_changed": {
    version: 1,
    description:
      "The order's persisted payment status (as the Order operations list shows it) changed: previous and new. Not sent for an order's first status; `order.placed` announces the order.",
    data: statusChange,
  },
  "shipment.status_changed": {
    version: 1,
    description: "A shipment moved (carrier and tracking included).",
    data: z.object({
      ...orderRef,
      shipment_reference: z.string(),
      previous_status: z.string().nullable(),
      status: z.string(),
      carrier: z.string().nullable(),
      tracking_number: z.string().nullable(),
      tracking_url: z.string().nullable(),
    }),
  },
  "delivery.delivered": {
    version: 1,
    description: "A digital item was delivered.",
    data: z.object({ ...orderRef, title: z.string(), quantity: z.number(), method: z.string() }),
  },
  "delivery.failed": {
    version: 1,
    description: "A digital item could not be delivered.",
    data: z.object({ ...orderRef, title: z.string(), quantity: z.number(), method: z.string() }),
  },
  "note.shared": {
    version: 1,
    description: "A note was shared with the customer (internal notes are never sent).",
    data: z.object({ ...orderRef, content: z.string(), created_at: z.string() }),
  },
  "webhook.test": {
    version: 1,
    description: "Sent by “Send test event”; every endpoint receives it when asked, whatever it subscribes to.",
    data: z.object({ message: z.string(), endpoint_id: z.string() }),
  },
} as const

export type WebhookEventType = keyof typeof WEBHOOK_EVENT_CATALOGUE

export const WEBHOOK_EVENT_TYPES = Object.keys(WEBHOOK_EVENT_CATALOGUE) as WebhookEventType[]

/** The types an endpoint may subscribe to (the test event is sent on request only). */
export const SUBSCRIBABLE_EVENT_TYPES = WEBHOOK_EVENT_TYPES.filter((t) => t !== "webhook.test")

/** The JSON body of every message (Standard Webhooks' recommended shape). */
export type WebhookMessageBody = {
  type: WebhookEventType
  version: number
  timestamp: string
  data: Record<string, unknown>
}

/** The whole catalogue as JSON Schema, for the README and the API. */
export function catalogueAsJsonSchema(): { type: string; version: number; description: string; schema: unknown }[] {
  return WEBHOOK_EVENT_TYPES.map((type) => {
    const entry = WEBHOOK_EVENT_CATALOGUE[type]
    return {
      type,
      version: entry.version,
      description: entry.description,
      schema: z.toJSONSchema(
        z.object({
          type: z.literal(type),
          version: z.literal(entry.version),
          timestamp: z.string().describe("ISO 8601 time of the change"),
          data: entry.data,
        })
      ),
    }
  })
}

/**
 * Validates `data` against the type's schema (strict: unknown keys are an
 * error, so nothing unplanned — an internal note, a secret — can slip in).
 *
 * @throws the zod error when the payload does not match.
 */
export function parseEventData(type: WebhookEventType, data: unknown): Record<string, unknown> {
  return WEBHOOK_EVENT_CATALOGUE[type].data.strict().parse(data) as Record<string, unknown>
}
