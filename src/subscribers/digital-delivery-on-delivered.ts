import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { OrderOpsEvents, type DeliveryEventData } from "../events"
import { runDeliveryFollowUps } from "../workflows/digital-delivery/utils/run-follow-ups"

/**
 * A delivery was delivered: run the order's follow-ups now — the
 * instructions email (one per batch of items delivered together) and its
 * completion — which the workflow that delivered it marked due. Each is
 * independent (a failing email never holds back the completion) and
 * durable: what fails or is cut short by a crash stays due and the
 * follow-up sweep retries it.
 */
export default async function digitalDeliveryOnDelivered({ event, container }: SubscriberArgs<DeliveryEventData>) {
  await runDeliveryFollowUps(container, { order_id: event.data.order_id })
}

export const config: SubscriberConfig = {
  event: OrderOpsEvents.DELIVERY_DELIVERED,
  context: { subscriberId: "order-ops-digital-delivery-on-delivered" },
}
