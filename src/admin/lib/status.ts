import type {
  CustomsContentsType,
  DistanceUnit,
  LabelStatus,
  MassUnit,
  OrderFulfillmentStatus,
  OrderPaymentStatus,
  RefundStatus,
  ShipmentStatus,
  ShippingPoint,
  SignatureOption,
} from "./types"

/**
 * How each status looks: a label and a badge color. Display only — which
 * status an order or shipment has, and where it may go next, is the server's call.
 */
export type BadgeColor = "green" | "red" | "blue" | "orange" | "grey" | "purple"
export type StatusLook = { label: string; color: BadgeColor }

export const FULFILLMENT_STATUS: Record<OrderFulfillmentStatus, StatusLook> = {
  unfulfilled: { label: "Unfulfilled", color: "orange" },
  dispatched: { label: "Dispatched", color: "blue" },
  partially_fulfilled: { label: "Partially fulfilled", color: "orange" },
  fulfilled: { label: "Fulfilled", color: "blue" },
  delivered: { label: "Delivered", color: "green" },
  picked_up: { label: "Picked up", color: "green" },
  partially_returned: { label: "Partially returned", color: "purple" },
  returned: { label: "Returned", color: "purple" },
  canceled: { label: "Canceled", color: "grey" },
}

export const PAYMENT_STATUS: Record<OrderPaymentStatus, StatusLook> = {
  unpaid: { label: "Unpaid", color: "red" },
  in_progress: { label: "In progress", color: "orange" },
  partially_paid: { label: "Partially paid", color: "orange" },
  paid: { label: "Paid", color: "green" },
  partially_refunded: { label: "Partially refunded", color: "orange" },
  refunded: { label: "Refunded", color: "grey" },
  disputed: { label: "Disputed", color: "red" },
}

export const SHIPMENT_STATUS: Record<ShipmentStatus, StatusLook> = {
  awaiting_shipment: { label: "Awaiting shipment", color: "orange" },
  shipped: { label: "Shipped", color: "blue" },
  in_transit: { label: "In transit", color: "blue" },
  out_for_delivery: { label: "Out for delivery", color: "purple" },
  delivered: { label: "Delivered", color: "green" },
  delivery_failed: { label: "Delivery failed", color: "red" },
  canceled: { label: "Canceled", color: "grey" },
}

export const SHIPPING_POINT: Record<ShippingPoint, { label: string; description: string }> = {
  local: { label: "Local", description: "Domestic delivery by a local carrier or courier." },
  international: {
    label: "International",
    description: "Cross-border delivery. A tracking number is required.",
  },
  pickup: { label: "In-store pickup", description: "The customer collects the items at the store." },
}

export const EVENT_SOURCE: Record<"manual" | "carrier" | "system", string> = {
  manual: "Manual",
  carrier: "Carrier",
  system: "System",
}

export const LABEL_STATUS: Record<LabelStatus, StatusLook> = {
  purchasing: { label: "Purchasing", color: "orange" },
  purchased: { label: "Label purchased", color: "green" },
  unknown: { label: "Being reconciled", color: "orange" },
  failed: { label: "Purchase failed", color: "red" },
  voided: { label: "Voided", color: "grey" },
}

/** Where the refund of a voided label stands; `none` shows no badge. */
export const REFUND_STATUS: Record<RefundStatus, StatusLook> = {
  none: { label: "No refund", color: "grey" },
  submitted: { label: "Refund submitted", color: "blue" },
  pending: { label: "Refund pending", color: "orange" },
  refunded: { label: "Refunded", color: "green" },
  rejected: { label: "Refund rejected", color: "red" },
}

export const DISTANCE_UNITS: DistanceUnit[] = ["cm", "in", "mm", "m", "ft", "yd"]
export const MASS_UNITS: MassUnit[] = ["g", "kg", "oz", "lb"]

export const CUSTOMS_CONTENTS: Record<CustomsContentsType, string> = {
  merchandise: "Merchandise",
  gift: "Gift",
  documents: "Documents",
  sample: "Sample",
  return: "Returned goods",
  other: "Other",
}

export const SIGNATURE: Record<"none" | SignatureOption, { label: string; description: string }> = {
  none: { label: "No signature", description: "The carrier may leave the parcel." },
  standard: { label: "Signature", description: "Anyone at the address signs for it." },
  adult: { label: "Adult signature", description: "An adult (21+ in the US) signs for it." },
}

/** The order in which filters list the statuses. */
export const FULFILLMENT_STATUSES = Object.keys(FULFILLMENT_STATUS) as OrderFulfillmentStatus[]
export const PAYMENT_STATUSES = Object.keys(PAYMENT_STATUS) as OrderPaymentStatus[]
export const SHIPPING_POINTS = Object.keys(SHIPPING_POINT) as ShippingPoint[]

const humanize = (value: string) => {
  const words = value.replace(/_/g, " ")
  return words.charAt(0).toUpperCase() + words.slice(1)
}

/** A status the server may know before this admin build does still gets a readable grey badge. */
function look<T extends string>(table: Record<T, StatusLook>, value: string): StatusLook {
  return (table as Record<string, StatusLook>)[value] ?? { label: humanize(value), color: "grey" }
}

export const fulfillmentStatusLook = (value: string) => look(FULFILLMENT_STATUS, value)
export const paymentStatusLook = (value: string) => look(PAYMENT_STATUS, value)
export const shipmentStatusLook = (value: string) => look(SHIPMENT_STATUS, value)
export const labelStatusLook = (value: string) => look(LABEL_STATUS, value)
export const refundStatusLook = (value: string) => look(REFUND_STATUS, value)
export const shippingPointLabel = (value: string) =>
  (SHIPPING_POINT as Record<string, { label: string }>)[value]?.label ?? humanize(value)
