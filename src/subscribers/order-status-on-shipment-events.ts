import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { OrderOpsEvents, type ShipmentEventData } from "../events"
import { refreshOrderStatusWorkflow } from "../workflows/order-status/workflows/refresh-order-status"

/**
 * One of our shipments was created, updated or changed status: recompute
 * its order's persisted statuses (shipments refine the fulfillment status
 * and fill the list's shipment column).
 */
export default async function orderStatusOnShipmentEventsHandler({
  event: { data },
  container,
}: SubscriberArgs<ShipmentEventData>) {
  await refreshOrderStatusWorkflow(container).run({ input: { order_ids: [data.order_id] } })
}

export const config: SubscriberConfig = {
  event: [
    OrderOpsEvents.SHIPMENT_CREATED,
    OrderOpsEvents.SHIPMENT_UPDATED,
    OrderOpsEvents.SHIPMENT_STATUS_CHANGED,
  ],
  context: { subscriberId: "order-ops-order-status-on-shipment-events" },
}
