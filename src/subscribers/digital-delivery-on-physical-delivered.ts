import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { OrderOpsEvents, type ShipmentEventData } from "../events"
import { autoCompleteOrderWorkflow } from "../workflows/digital-delivery/workflows/auto-complete-order"

/** A shipment was delivered: a mixed order may now be complete. */
export default async function digitalDeliveryOnPhysicalDelivered({ event, container }: SubscriberArgs<ShipmentEventData>) {
  if (event.data.status === "delivered") {
    await autoCompleteOrderWorkflow(container).run({ input: { order_id: event.data.order_id } })
  }
}

export const config: SubscriberConfig = {
  event: OrderOpsEvents.SHIPMENT_STATUS_CHANGED,
  context: { subscriberId: "order-ops-digital-delivery-on-physical-delivered" },
}
