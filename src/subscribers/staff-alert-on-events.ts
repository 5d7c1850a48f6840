import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { OrderOpsEvents } from "../events"
import type { StaffAlertKind } from "../modules/order-ops-settings/registry"
import { sendStaffAlertWorkflow } from "../workflows/order-ops-settings/workflows/send-staff-alert"

/** Which staff alert a plugin event calls for, if any. Pure. */
export function staffAlertFor(name: string, data: Record<string, unknown>): { kind: StaffAlertKind; resource_type: string } | null {
  switch (name) {
    case OrderOpsEvents.WEBHOOK_ENDPOINT_DISABLED:
      return { kind: "webhook_endpoint_disabled", resource_type: "webhook_endpoint" }
    case OrderOpsEvents.DELIVERY_FAILED:
      return { kind: "digital_delivery_failed", resource_type: "delivery" }
    case OrderOpsEvents.SHIPMENT_STATUS_CHANGED:
      return data.status === "delivery_failed" ? { kind: "delivery_failed", resource_type: "shipment" } : null
    case OrderOpsEvents.LABEL_REFUND_UPDATED:
      return data.refund_status === "rejected" ? { kind: "label_refund_rejected", resource_type: "shipping_label" } : null
    default:
      return null
  }
}

/** Plugin events that staff hear about (see Settings → Notifications). */
export default async function staffAlertOnEvents({ event, container }: SubscriberArgs<Record<string, unknown>>) {
  const alert = staffAlertFor(event.name, event.data)
  if (!alert) {
    return
  }
  const id = event.data.id as string
  // A shipment can fail delivery more than once: one alert per failure event.
  const resource_id = alert.kind === "delivery_failed" ? `${id}:${String(event.data.previous_status ?? "")}` : id
  await sendStaffAlertWorkflow(container).run({ input: { kind: alert.kind, resource_type: alert.resource_type, resource_id, data: { ...event.data } } })
}

export const config: SubscriberConfig = {
  event: [
    OrderOpsEvents.WEBHOOK_ENDPOINT_DISABLED,
    OrderOpsEvents.DELIVERY_FAILED,
    OrderOpsEvents.SHIPMENT_STATUS_CHANGED,
    OrderOpsEvents.LABEL_REFUND_UPDATED,
  ],
  context: { subscriberId: "order-ops-staff-alert-on-events" },
}
