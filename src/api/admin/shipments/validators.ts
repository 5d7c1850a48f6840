import { z } from "@medusajs/framework/zod"
import { SHIPMENT_STATUSES } from "../../../modules/shipment/state-machine"

/** An ISO 8601 date (`2026-12-01`) or date-time; a malformed one is a 400 naming the field. */
export const isoDate = (field: string) =>
  z
    .union([z.iso.datetime({ offset: true }), z.iso.date()], {
      error: `${field} must be an ISO 8601 date, e.g. 2026-12-01 or 2026-12-01T10:00:00Z`,
    })
    .transform((value) => new Date(value))

const url = (field: string) => z.url({ error: `${field} must be a URL` }).max(2000)

const text = (max: number) => z.string().trim().max(max)

export const shipmentStatus = z.enum(SHIPMENT_STATUSES, {
  error: `status must be one of ${SHIPMENT_STATUSES.join(", ")}`,
})

/** `POST /admin/orders/:id/shipments` */
export const AdminCreateShipment = z
  .object({
    items: z
      .array(
        z
          .object({
            line_item_id: z.string().min(1),
            quantity: z
              .number({ error: "quantity must be a number" })
              .int({ error: "quantity must be a whole number" })
              .positive({ error: "quantity must be at least 1" }),
          })
          .strict()
      )
      .min(1, { error: "items: choose at least one item" }),
    shipping_point: z.enum(["local", "international", "pickup"], {
      error: "shipping_point must be local, international or pickup",
    }),
    carrier: text(100).nullish(),
    tracking_number: text(100).nullish(),
    tracking_url: url("tracking_url").nullish(),
    estimated_delivery_at: isoDate("estimated_delivery_at").nullish(),
    notify_customer: z.boolean().optional(),
    mark_shipped: z.boolean().optional(),
    location_id: z.string().min(1).nullish(),
    shipping_option_id: z.string().min(1).nullish(),
  })
  .strict()
export type AdminCreateShipmentType = z.infer<typeof AdminCreateShipment>

/** `POST /admin/shipments/:id` */
export const AdminUpdateShipment = z
  .object({
    carrier: text(100).nullish(),
    tracking_number: text(100).nullish(),
    tracking_url: url("tracking_url").nullish(),
    estimated_delivery_at: isoDate("estimated_delivery_at").nullish(),
    notify_customer: z.boolean().optional(),
    status: shipmentStatus.optional(),
  })
  .strict()
export type AdminUpdateShipmentType = z.infer<typeof AdminUpdateShipment>

/** `POST /admin/shipments/:id/events` */
export const AdminCreateShipmentEvent = z
  .object({
    status: shipmentStatus,
    occurred_at: isoDate("occurred_at").optional(),
    message: text(1000).nullish(),
    location: text(200).nullish(),
  })
  .strict()
export type AdminCreateShipmentEventType = z.infer<typeof AdminCreateShipmentEvent>
