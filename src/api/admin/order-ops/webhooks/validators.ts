import { z } from "@medusajs/framework/zod"
import { pageParams } from "../../../utils/page-params"
import { SUBSCRIBABLE_EVENT_TYPES } from "../../../../modules/order-webhook/catalogue"

const eventType = z.enum(SUBSCRIBABLE_EVENT_TYPES as [string, ...string[]], {
  error: `events must list types from the catalogue: ${SUBSCRIBABLE_EVENT_TYPES.join(", ")}`,
})

const fields = {
  url: z.string({ error: "url must be text" }).trim().url({ error: "url must be an absolute URL" }).max(2000, { error: "url is longer than 2000 characters" }),
  description: z.string({ error: "description must be text" }).trim().max(500, { error: "description is longer than 500 characters" }).nullish(),
  events: z.array(eventType, { error: "events must be a list" }).min(1, { error: "events must list at least one event type" }).max(50),
  enabled: z.boolean({ error: "enabled must be true or false" }),
  include_test_orders: z.boolean({ error: "include_test_orders must be true or false" }),
  max_in_flight: z.number({ error: "max_in_flight must be a number" }).int().min(1, { error: "max_in_flight must be at least 1" }).max(50, { error: "max_in_flight must be at most 50" }),
}

/** `POST /admin/order-ops/webhooks`. */
export const AdminCreateWebhookEndpoint = z
  .object({
    url: fields.url,
    description: fields.description,
    events: fields.events,
    enabled: fields.enabled.optional(),
    include_test_orders: fields.include_test_orders.optional(),
    max_in_flight: fields.max_in_flight.optional(),
  })
  .strict()
export type AdminCreateWebhookEndpointType = z.infer<typeof AdminCreateWebhookEndpoint>

/** `POST /admin/order-ops/webhooks/:id`. */
export const AdminUpdateWebhookEndpoint = z
  .object({
    url: fields.url.optional(),
    description: fields.description,
    events: fields.events.optional(),
    enabled: fields.enabled.optional(),
    include_test_orders: fields.include_test_orders.optional(),
    max_in_flight: fields.max_in_flight.optional(),
    rotate_secret: z.boolean({ error: "rotate_secret must be true or false" }).optional(),
  })
  .strict()
export type AdminUpdateWebhookEndpointType = z.infer<typeof AdminUpdateWebhookEndpoint>

/** `POST /admin/order-ops/webhooks/:id/replay`: every failed delivery created since `since`. */
export const AdminReplayWebhookDeliveries = z
  .object({ since: z.coerce.date({ error: "since must be a date" }) })
  .strict()
export type AdminReplayWebhookDeliveriesType = z.infer<typeof AdminReplayWebhookDeliveries>

/** `GET /admin/order-ops/webhooks/:id/deliveries`. */
export const AdminListWebhookDeliveries = z
  .object({
    status: z.enum(["pending", "succeeded", "failed"], { error: "status must be pending, succeeded or failed" }).optional(),
    ...pageParams(50, 200),
  })
  .strict()
export type AdminListWebhookDeliveriesType = z.infer<typeof AdminListWebhookDeliveries>
