import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { listShipments } from "../../../../admin/shipments/helpers"

/**
 * Tracking for the logged-in customer's own order: the order's extended
 * status and each shipment with carrier, tracking link, ETA and event
 * history (applied events only). Anyone else's order is a 404.
 */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data: orders } = await query.graph({
    entity: "order",
    fields: ["id", "display_id", "customer_id"],
    filters: { id: req.params.id, customer_id: req.auth_context.actor_id },
  })
  if (!orders.length) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, `Order with id: ${req.params.id} was not found`)
  }
  const [shipments, { data: statuses }] = await Promise.all([
    listShipments(req.scope, { order_id: req.params.id }),
    query.graph({
      entity: "order_status",
      fields: ["fulfillment_status", "payment_status"],
      filters: { order_id: req.params.id },
    }),
  ])
  res.json({
    order: {
      id: orders[0].id,
      display_id: orders[0].display_id,
      fulfillment_status: statuses[0]?.fulfillment_status ?? null,
      payment_status: statuses[0]?.payment_status ?? null,
    },
    shipments: shipments.map((s) => ({
      id: s.id,
      status: s.status,
      status_label: s.status_label,
      shipping_point: s.shipping_point,
      carrier: s.carrier_name,
      tracking_number: s.tracking_number,
      tracking_url: s.tracking_url,
      estimated_delivery_at: s.estimated_delivery_at,
      shipped_at: s.shipped_at,
      delivered_at: s.delivered_at,
      items: s.items,
      events: s.events
        .filter((e) => e.applied)
        .map((e) => ({
          status: e.status,
          status_label: e.status_label,
          occurred_at: e.occurred_at,
          message: e.message,
          location: e.location,
        })),
    })),
  })
}
