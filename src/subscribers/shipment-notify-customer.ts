import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { OrderOpsEvents, type ShipmentEventData } from "../events"
import type { ShipmentStatusValue } from "../modules/shipment/state-machine"
import { isAnnouncedShipmentStatus } from "../workflows/shipments/utils/notifications"
import { notifyCustomerOfShipmentWorkflow } from "../workflows/shipments/workflows/notify-customer-of-shipment"

/**
 * A shipment moved: tell the customer when the move is one they care about.
 * Moves never announced (in transit, canceled: most carrier scans), and
 * moves of a shipment whose notifications were off when it moved, start no
 * workflow at all.
 */
export default async function shipmentNotifyCustomerHandler({
  event: { data },
  container,
}: SubscriberArgs<ShipmentEventData>) {
  if (!data.status || !isAnnouncedShipmentStatus(data.status as ShipmentStatusValue) || data.notify_customer === false) {
    return
  }
  await notifyCustomerOfShipmentWorkflow(container).run({
    input: { shipment_id: data.id, status: data.status as ShipmentStatusValue },
  })
}

export const config: SubscriberConfig = {
  event: OrderOpsEvents.SHIPMENT_STATUS_CHANGED,
  context: { subscriberId: "order-ops-shipment-notify-customer" },
}
