import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { OrderOpsEvents, type ShipmentEventData } from "../events"
import { notifyCustomerOfTrackingChangeWorkflow } from "../workflows/shipments/workflows/notify-customer-of-tracking-change"

/** A shipment's carrier, tracking number or URL was edited: the customer may be told. */
export default async function shipmentNotifyTrackingChangedHandler({
  event: { data },
  container,
}: SubscriberArgs<ShipmentEventData>) {
  if (!data.tracking_changed || !data.updated_at) {
    return
  }
  await notifyCustomerOfTrackingChangeWorkflow(container).run({
    input: { shipment_id: data.id, edit_key: data.updated_at },
  })
}

export const config: SubscriberConfig = {
  event: OrderOpsEvents.SHIPMENT_UPDATED,
  context: { subscriberId: "order-ops-shipment-notify-tracking-changed" },
}
