import type { PluginOptions } from "../../options"

/** A customer email the merchant can switch and re-template. */
type CustomerNotificationDef = {
  label: string
  /** Its setting before the merchant changes it: from the plugin options where one exists. */
  seed: (options: PluginOptions) => { enabled: boolean; template: string }
}

/**
 * Every customer email the plugin sends. Adding one: one line here, then
 * read `settings.customer[kind]` where it is sent.
 */
export const CUSTOMER_NOTIFICATIONS = {
  note_shared: { label: "Order note shared", seed: (o) => ({ enabled: o.notes.notify_customer, template: o.notes.customer_template }) },
  shipped: { label: "Shipped", seed: (o) => ({ enabled: o.shipments.notify.shipped, template: "order-ops-shipment-shipped" }) },
  out_for_delivery: { label: "Out for delivery", seed: (o) => ({ enabled: o.shipments.notify.out_for_delivery, template: "order-ops-shipment-out-for-delivery" }) },
  delivered: { label: "Delivered", seed: (o) => ({ enabled: o.shipments.notify.delivered, template: "order-ops-shipment-delivered" }) },
  picked_up: { label: "Picked up", seed: (o) => ({ enabled: o.shipments.notify.picked_up, template: "order-ops-shipment-picked-up" }) },
  delivery_failed: { label: "Delivery failed", seed: (o) => ({ enabled: o.shipments.notify.delivery_failed, template: "order-ops-shipment-delivery-failed" }) },
  tracking_changed: { label: "Tracking details changed", seed: () => ({ enabled: true, template: "order-ops-shipment-tracking-changed" }) },
  refund_issued: { label: "Refund issued", seed: () => ({ enabled: true, template: "order-ops-refund-issued" }) },
  invoice_issued: { label: "Invoice issued", seed: () => ({ enabled: true, template: "order-ops-invoice-issued" }) },
  digital_delivery_instructions: {
    label: "Digital delivery instructions",
    seed: (o) => ({ enabled: true, template: o.digital_delivery.instructions_template }),
  },
} satisfies Record<string, CustomerNotificationDef>

export type CustomerNotificationKind = keyof typeof CUSTOMER_NOTIFICATIONS
export const CUSTOMER_NOTIFICATION_KINDS = Object.keys(CUSTOMER_NOTIFICATIONS) as CustomerNotificationKind[]

/**
 * Every staff alert. Adding one (e.g. "dispute opened"): one line here,
 * then run `sendStaffAlertWorkflow` with its kind where it happens.
 */
export const STAFF_ALERTS = {
  new_order: { label: "New order", template: "order-ops-staff-new-order" },
  delivery_failed: { label: "Delivery failed", template: "order-ops-staff-delivery-failed" },
  digital_delivery_failed: { label: "Digital delivery failed or outcome unknown", template: "order-ops-staff-digital-delivery-failed" },
  label_refund_rejected: { label: "Label refund rejected", template: "order-ops-staff-label-refund-rejected" },
  webhook_endpoint_disabled: { label: "Webhook endpoint disabled", template: "order-ops-staff-webhook-endpoint-disabled" },
} satisfies Record<string, { label: string; template: string }>

export type StaffAlertKind = keyof typeof STAFF_ALERTS
export const STAFF_ALERT_KINDS = Object.keys(STAFF_ALERTS) as StaffAlertKind[]

/** The settings as the admin shows them and the senders read them. */
export type OrderOpsNotificationSettings = {
  customer: Record<CustomerNotificationKind, { label: string; enabled: boolean; template: string }>
  staff: Record<StaffAlertKind, { label: string; enabled: boolean; template: string; recipients: string[] }>
}

/** Stored rows over the seed: what is in force. Pure. */
export function resolveNotificationSettings(
  options: PluginOptions,
  customerRows: { kind: string; enabled: boolean; template: string }[],
  staffRows: { kind: string; enabled: boolean; template: string; recipients: unknown }[]
): OrderOpsNotificationSettings {
  const customer = Object.fromEntries(
    CUSTOMER_NOTIFICATION_KINDS.map((kind) => {
      const row = customerRows.find((r) => r.kind === kind)
      const seed = CUSTOMER_NOTIFICATIONS[kind].seed(options)
      return [kind, { label: CUSTOMER_NOTIFICATIONS[kind].label, enabled: row ? row.enabled : seed.enabled, template: row?.template ?? seed.template }]
    })
  ) as OrderOpsNotificationSettings["customer"]
  const staff = Object.fromEntries(
    STAFF_ALERT_KINDS.map((kind) => {
      const row = staffRows.find((r) => r.kind === kind)
      return [
        kind,
        {
          label: STAFF_ALERTS[kind].label,
          enabled: row ? row.enabled : true,
          template: row?.template ?? STAFF_ALERTS[kind].template,
          recipients: Array.isArray(row?.recipients) ? (row!.recipients as string[]) : [],
        },
      ]
    })
  ) as OrderOpsNotificationSettings["staff"]
  return { customer, staff }
}

/** Each address once, trimmed, case-insensitively distinct. Pure. */
export function uniqueRecipients(recipients: string[]): string[] {
  const seen = new Set<string>()
  const out: string[] = []
  for (const raw of recipients) {
    const address = raw.trim()
    const key = address.toLowerCase()
    if (address && !seen.has(key)) {
      seen.add(key)
      out.push(address)
    }
  }
  return out
}
