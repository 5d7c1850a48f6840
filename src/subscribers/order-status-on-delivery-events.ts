import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { OrderOpsEvents, type DeliveryEventData } from "../events"
import { refreshOrderStatusWorkflow } from "../workflows/order-status/workflows/refresh-order-status"

/**
 * A digital delivery moved (delivered, failed, revoked, or another attempt
 * recorded): recompute its order's persisted statuses, whose
 * `delivery_status` the Order operations list filters on.
 */
export default async function orderStatusOnDeliveryEventsHandler({
  event: { data },
  container,
}: SubscriberArgs<DeliveryEventData>) {
  await refreshOrderStatusWorkflow(container).run({ input: { order_ids: [data.order_id] } })
}

export const config: SubscriberConfig = {
  event: [
    OrderOpsEvents.DELIVERY_DELIVERED,
    OrderOpsEvents.DELIVERY_FAILED,
    OrderOpsEvents.DELIVERY_REVOKED,
    OrderOpsEvents.DELIVERY_UPDATED,
  ],
  context: { subscriberId: "order-ops-order-status-on-delivery-events" },
}
