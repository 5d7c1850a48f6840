import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { OrderOpsEvents, type ShipmentEventData } from "../events"
import { isDuplicateNotification } from "../utils/duplicate-notification"
import { notifyCustomerOfTrackingChangeWorkflow } from "../workflows/shipments/workflows/notify-customer-of-tracking-change"

/** A shipment's carrier, tracking number or URL was edited: the customer may be told. */
export default async function shipmentNotifyTrackingChangedHandler({
  event: { data },
  container,
}: SubscriberArgs<ShipmentEventData>) {
  if (!data.tracking_changed || !data.updated_at) {
    return
  }
  try {
    await notifyCustomerOfTrackingChangeWorkflow(container).run({
      input: { shipment_id: data.id, edit_key: data.updated_at },
    })
  } catch (e) {
    // A redelivery of this event racing the first one: the customer was told once.
    if (!isDuplicateNotification(e)) {
      throw e
    }
  }
}

export const config: SubscriberConfig = {
  event: OrderOpsEvents.SHIPMENT_UPDATED,
  context: { subscriberId: "order-ops-shipment-notify-tracking-changed" },
}
