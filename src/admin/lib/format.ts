import { deliveryMethodLabel } from "./digital-delivery"
import { refundStatusLook } from "./status"
import type { AdminTimelineEntry, Parcel } from "./types"

const dateTime = new Intl.DateTimeFormat(undefined, { dateStyle: "medium", timeStyle: "short" })

/** "24 Nov 2026, 14:05" in the merchant's locale. */
export function formatDateTime(value: string): string {
  return dateTime.format(new Date(value))
}

const day = new Intl.DateTimeFormat(undefined, { dateStyle: "medium" })
const utcDay = new Intl.DateTimeFormat(undefined, { dateStyle: "medium", timeZone: "UTC" })

/** "24 Nov 2026" in the merchant's locale. */
export function formatDate(value: string): string {
  return day.format(new Date(value))
}

/**
 * A calendar day stored as UTC midnight (an estimated delivery date), shown as
 * that same day wherever the merchant is.
 */
export function formatCalendarDay(value: string): string {
  return utcDay.format(new Date(value))
}

const pad = (n: number) => String(n).padStart(2, "0")

/** The local calendar day of a date picker's value: "2026-11-24". */
export function toIsoDay(date: Date): string {
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`
}

/** "2026-11-24" as local midnight, for a date picker; null for anything else. */
export function fromIsoDay(value: string | null | undefined): Date | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(value ?? "")
  if (!match) return null
  return new Date(Number(match[1]), Number(match[2]) - 1, Number(match[3]))
}

/** The UTC calendar day of a stored date-only value ("2026-11-24T00:00:00Z" → "2026-11-24"). */
export function utcIsoDay(value: string | null | undefined): string | null {
  if (!value) return null
  const date = new Date(value)
  return Number.isNaN(date.getTime()) ? null : date.toISOString().slice(0, 10)
}

/** "3 minutes ago", "yesterday"… falling back to the date for older entries. */
export function formatRelative(value: string, now = Date.now()): string {
  const seconds = Math.round((new Date(value).getTime() - now) / 1000)
  const rtf = new Intl.RelativeTimeFormat(undefined, { numeric: "auto" })
  const abs = Math.abs(seconds)
  if (abs < 60) return rtf.format(seconds, "second")
  if (abs < 3600) return rtf.format(Math.round(seconds / 60), "minute")
  if (abs < 86400) return rtf.format(Math.round(seconds / 3600), "hour")
  if (abs < 86400 * 7) return rtf.format(Math.round(seconds / 86400), "day")
  return formatDateTime(value)
}

export function formatAmount(amount: unknown, currency: unknown): string {
  if (typeof amount !== "number") {
    return ""
  }
  if (typeof currency !== "string" || !currency) {
    return String(amount)
  }
  return new Intl.NumberFormat(undefined, { style: "currency", currency: currency.toUpperCase() }).format(amount)
}

/** "30 × 20 × 10 cm" */
export function formatDimensions(parcel: Pick<Parcel, "length" | "width" | "height" | "distance_unit">): string {
  return `${parcel.length} × ${parcel.width} × ${parcel.height} ${parcel.distance_unit}`
}

/** "1.5 kg" */
export function formatWeight(parcel: Pick<Parcel, "weight" | "mass_unit">): string {
  return `${parcel.weight} ${parcel.mass_unit}`
}

const plural = (n: unknown, word: string) =>
  typeof n === "number" ? `${n} ${word}${n === 1 ? "" : "s"}` : word + "s"

/** What a timeline entry says, in a merchant's words. */
export function describeTimelineEntry(
  entry: AdminTimelineEntry,
  /** Delivery method names from the server's registry (`useDeliveryMethods`). */
  labels: { deliveryMethods?: readonly { code: string; label: string }[] } = {}
): { title: string; detail?: string } {
  const d = entry.data
  const money = formatAmount(d.amount, d.currency_code)
  switch (entry.kind) {
    case "order.placed":
      return { title: "Order placed", detail: typeof d.email === "string" ? d.email : undefined }
    case "order.canceled":
      return { title: "Order canceled" }
    case "order.edited":
      return { title: "Order edited" }
    case "order.updated":
      return { title: "Order details updated" }
    case "order.transfer_requested":
      return { title: "Transfer to another customer requested" }
    case "order.transferred":
      return { title: "Order transferred to another customer" }
    case "order.transferred.declined":
      return { title: "Order transfer declined", detail: (d.reason as string) ?? undefined }
    case "order.transferred.canceled":
      return { title: "Order transfer canceled" }
    case "payment.authorized":
      return { title: `Payment of ${money} authorized` }
    case "payment.captured":
      return { title: `Payment of ${money} captured` }
    case "payment.refunded":
      return {
        title: `${money} refunded`,
        detail: [d.reason, d.note].filter((x) => typeof x === "string" && x).join(" — ") || undefined,
      }
    case "payment.canceled":
      return { title: "Payment canceled" }
    case "fulfillment.created":
      return { title: `Fulfillment created`, detail: plural(d.item_count, "item") }
    case "fulfillment.packed":
      return { title: "Items packed", detail: plural(d.item_count, "item") }
    case "fulfillment.shipped": {
      const tracking = Array.isArray(d.tracking)
        ? (d.tracking as { number: string | null }[]).map((t) => t.number).filter(Boolean).join(", ")
        : ""
      return { title: "Shipped", detail: tracking ? `Tracking ${tracking}` : plural(d.item_count, "item") }
    }
    case "fulfillment.delivered":
      return { title: "Delivered", detail: plural(d.item_count, "item") }
    case "fulfillment.canceled":
      return { title: "Fulfillment canceled" }
    case "return.requested":
      return { title: "Return requested", detail: plural(d.item_count, "item") }
    case "return.received":
      return { title: "Return received", detail: plural(d.received_count, "item") }
    case "return.canceled":
      return { title: "Return canceled" }
    case "order.credit_line_added":
      return { title: "Credit line added" }
    case "claim.created":
      return { title: "Claim created" }
    case "exchange.created":
      return { title: "Exchange created" }
    case "note.created":
      return {
        title: d.visible_to_customer ? "Note added (visible to customer)" : "Note added",
        detail: d.excerpt as string,
      }
    case "note.updated":
      return { title: "Note edited", detail: d.excerpt as string }
    case "note.deleted":
      return { title: "Note deleted", detail: d.excerpt as string }
    case "note.customer_notified":
      return { title: "Customer notified of a note", detail: d.to as string }
    case "shipment.created": {
      const what = d.shipping_point === "pickup" ? "Ready for pickup" : d.status === "shipped" ? "Shipment sent" : "Shipment created"
      const tracking = [d.carrier, d.tracking_number].filter(Boolean).join(" ")
      return { title: what, detail: [plural(d.item_count, "item"), tracking].filter(Boolean).join(" · ") }
    }
    case "shipment.status_changed": {
      const to = d.pickup && d.to === "delivered" ? "Picked up" : (d.to_label as string)
      const where = [d.location, d.message].filter((x) => typeof x === "string" && x).join(" — ")
      return { title: `Shipment: ${to}`, detail: where || `from ${d.from_label as string}` }
    }
    case "shipment.updated":
      return {
        title: "Shipment details edited",
        detail: Array.isArray(d.changed) ? (d.changed as string[]).map((f) => f.replace(/_/g, " ")).join(", ") : undefined,
      }
    case "label.purchased": {
      const what = [d.carrier_name, d.service].filter((x) => typeof x === "string" && x).join(" ")
      return {
        title: money ? `Shipping label bought for ${money}` : "Shipping label bought",
        detail: [what, typeof d.tracking_number === "string" ? `Tracking ${d.tracking_number}` : ""]
          .filter(Boolean)
          .join(" · ") || undefined,
      }
    }
    case "label.voided": {
      const refund = typeof d.refund_status === "string" && d.refund_status !== "none" ? refundStatusLook(d.refund_status).label : ""
      return {
        title: "Shipping label voided",
        detail: [d.carrier_name, d.tracking_number, refund].filter((x) => typeof x === "string" && x).join(" · ") || undefined,
      }
    }
    case "label.refund_updated":
      return {
        title: "Label refund updated",
        detail: typeof d.refund_status === "string" ? refundStatusLook(d.refund_status).label : undefined,
      }
    case "shipment.customer_notified":
      return { title: d.tracking_changed ? "Customer notified of new tracking details" : "Customer notified of shipment", detail: d.to as string }
    case "refund.customer_notified":
      return { title: "Customer notified of refund", detail: d.to as string }
    case "invoice.customer_notified":
      return { title: `Invoice ${typeof d.invoice_number === "string" ? `${d.invoice_number} ` : ""}sent to the customer`, detail: d.to as string }
    case "delivery.delivered":
    case "delivery.failed":
    case "delivery.awaiting_recipient":
    case "delivery.pending":
    case "delivery.revoked": {
      const what = `${typeof d.quantity === "number" && d.quantity > 1 ? `${d.quantity} × ` : ""}${(d.title as string) ?? "Item"}`
      const titles: Record<string, string> = {
        "delivery.delivered": d.manual ? `${what} marked as delivered` : `${what} delivered`,
        "delivery.failed": `Delivery of ${what} failed`,
        "delivery.awaiting_recipient": `Delivery of ${what} is waiting for the recipient`,
        "delivery.pending": `Delivery of ${what} will be retried`,
        "delivery.revoked": `Delivery of ${what} revoked`,
      }
      const method = typeof d.method === "string" ? deliveryMethodLabel(d.method, labels.deliveryMethods) : ""
      return {
        title: `${titles[entry.kind]}${d.dry_run ? " (dry run)" : ""}`,
        detail: [method, d.message].filter((x) => typeof x === "string" && x).join(" · ") || undefined,
      }
    }
    case "delivery.instructions_sent":
      return {
        title: d.resend ? "Delivery instructions resent" : "Delivery instructions sent",
        detail: [d.email, typeof d.downloads === "number" && d.downloads ? plural(d.downloads, "download link") : "", typeof d.codes === "number" && d.codes ? plural(d.codes, "code") : ""]
          .filter((x) => typeof x === "string" && x)
          .join(" · ") || undefined,
      }
    case "order.auto_completed":
      return { title: "Order completed: every item delivered" }
    case "order.completed_by_hand":
      return { title: "Order completed by hand", detail: typeof d.notes === "string" && d.notes ? d.notes : undefined }
    default:
      return { title: entry.kind.replace(/[._]/g, " ") }
  }
}

/** Who did it, as the timeline shows it. */
export function describeActor(actor: AdminTimelineEntry["actor"]): string {
  if (actor.type === "user") return actor.display ?? "A staff member"
  if (actor.type === "customer") return actor.display ?? "The customer"
  return "System"
}

/** "850 ms", "2.4 s" — how long a delivery attempt took. */
export function formatDuration(ms: number | null | undefined): string {
  if (typeof ms !== "number") return ""
  return ms < 1000 ? `${Math.round(ms)} ms` : `${(ms / 1000).toFixed(1)} s`
}
