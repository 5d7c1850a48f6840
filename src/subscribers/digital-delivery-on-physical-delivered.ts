import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { OrderOpsEvents, type ShipmentEventData } from "../events"
import { runDeliveryFollowUps } from "../workflows/digital-delivery/utils/run-follow-ups"
import { requestDeliveryFollowUpsWorkflow } from "../workflows/digital-delivery/workflows/request-delivery-follow-ups"

/** A shipment was delivered: a mixed order may now be complete (a durable follow-up, run now). */
export default async function digitalDeliveryOnPhysicalDelivered({ event, container }: SubscriberArgs<ShipmentEventData>) {
  if (event.data.status === "delivered") {
    await requestDeliveryFollowUpsWorkflow(container).run({ input: { order_id: event.data.order_id, kinds: ["completion"] } })
    await runDeliveryFollowUps(container, { order_id: event.data.order_id })
  }
}

export const config: SubscriberConfig = {
  event: OrderOpsEvents.SHIPMENT_STATUS_CHANGED,
  context: { subscriberId: "order-ops-digital-delivery-on-physical-delivered" },
}
