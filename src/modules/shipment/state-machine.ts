import { MedusaError } from "@medusajs/framework/utils"

/** Where a shipment goes: the shipping point chosen when it was created. */
export const ShippingPoint = {
  LOCAL: "local",
  INTERNATIONAL: "international",
  PICKUP: "pickup",
} as const
export type ShippingPointValue = (typeof ShippingPoint)[keyof typeof ShippingPoint]

/** A shipment's status. */
export const ShipmentStatus = {
  AWAITING_SHIPMENT: "awaiting_shipment",
  SHIPPED: "shipped",
  IN_TRANSIT: "in_transit",
  OUT_FOR_DELIVERY: "out_for_delivery",
  DELIVERED: "delivered",
  DELIVERY_FAILED: "delivery_failed",
  CANCELED: "canceled",
} as const
export type ShipmentStatusValue = (typeof ShipmentStatus)[keyof typeof ShipmentStatus]
export const SHIPMENT_STATUSES = Object.values(ShipmentStatus)

/** Merchant-facing names, as the admin and notifications show them. */
export const SHIPMENT_STATUS_LABELS: Record<ShipmentStatusValue, string> = {
  awaiting_shipment: "Awaiting shipment",
  shipped: "Shipped",
  in_transit: "In transit",
  out_for_delivery: "Out for delivery",
  delivered: "Delivered",
  delivery_failed: "Delivery failed",
  canceled: "Canceled",
}

const S = ShipmentStatus

/**
 * Every legal move, as data. Delivery failed is recoverable (back in transit
 * or out for delivery, or finally delivered); delivered and canceled are final.
 * Cancel is allowed until delivery.
 */
export const SHIPMENT_TRANSITIONS: Record<ShipmentStatusValue, readonly ShipmentStatusValue[]> = {
  [S.AWAITING_SHIPMENT]: [S.SHIPPED, S.IN_TRANSIT, S.OUT_FOR_DELIVERY, S.DELIVERED, S.DELIVERY_FAILED, S.CANCELED],
  [S.SHIPPED]: [S.IN_TRANSIT, S.OUT_FOR_DELIVERY, S.DELIVERED, S.DELIVERY_FAILED, S.CANCELED],
  [S.IN_TRANSIT]: [S.OUT_FOR_DELIVERY, S.DELIVERED, S.DELIVERY_FAILED, S.CANCELED],
  [S.OUT_FOR_DELIVERY]: [S.IN_TRANSIT, S.DELIVERED, S.DELIVERY_FAILED, S.CANCELED],
  [S.DELIVERY_FAILED]: [S.IN_TRANSIT, S.OUT_FOR_DELIVERY, S.DELIVERED, S.CANCELED],
  [S.DELIVERED]: [],
  [S.CANCELED]: [],
}

/**
 * Pickup shipments are never in a carrier's hands: they wait at the store
 * until the customer collects them (delivered = picked up), or are canceled.
 */
export const PICKUP_TRANSITIONS: Record<ShipmentStatusValue, readonly ShipmentStatusValue[]> = {
  [S.AWAITING_SHIPMENT]: [S.DELIVERED, S.CANCELED],
  [S.SHIPPED]: [],
  [S.IN_TRANSIT]: [],
  [S.OUT_FOR_DELIVERY]: [],
  [S.DELIVERY_FAILED]: [],
  [S.DELIVERED]: [],
  [S.CANCELED]: [],
}

/**
 * How far along the journey a status is. A tracking event whose status
 * ranks lower than the shipment's is a step backwards.
 */
export const SHIPMENT_STATUS_RANK: Record<ShipmentStatusValue, number> = {
  awaiting_shipment: 0,
  shipped: 1,
  in_transit: 2,
  delivery_failed: 3,
  out_for_delivery: 3,
  delivered: 4,
  canceled: 5,
}

function table(point?: ShippingPointValue | null) {
  return point === ShippingPoint.PICKUP ? PICKUP_TRANSITIONS : SHIPMENT_TRANSITIONS
}

/** Whether a status is final: nothing moves a shipment on from it (delivered, canceled). */
export function isFinalShipmentStatus(status: ShipmentStatusValue | string): boolean {
  return (SHIPMENT_TRANSITIONS[status as ShipmentStatusValue] ?? []).length === 0
}

/** The statuses a shipment may move to next. */
export function allowedShipmentTransitions(
  from: ShipmentStatusValue,
  point?: ShippingPointValue | null
): readonly ShipmentStatusValue[] {
  return table(point)[from] ?? []
}

/** Whether `from → to` is a legal move. */
export function canTransition(
  from: ShipmentStatusValue,
  to: ShipmentStatusValue,
  point?: ShippingPointValue | null
): boolean {
  return allowedShipmentTransitions(from, point).includes(to)
}

/**
 * Vetoes an illegal move.
 *
 * @throws MedusaError INVALID_DATA "cannot go from Delivered to In transit".
 */
export function assertTransition(
  from: ShipmentStatusValue,
  to: ShipmentStatusValue,
  point?: ShippingPointValue | null
): void {
  if (!canTransition(from, to, point)) {
    const pickup = point === ShippingPoint.PICKUP ? " (pickup shipment)" : ""
    throw new MedusaError(
      MedusaError.Types.INVALID_DATA,
      `status: cannot go from ${SHIPMENT_STATUS_LABELS[from]} to ${SHIPMENT_STATUS_LABELS[to]}${pickup}`
    )
  }
}

/**
 * The precision an event time carries, in ms: carriers stamp events in whole
 * seconds or whole minutes; only our own clock has milliseconds.
 */
export function timePrecisionMs(at: Date): number {
  if (at.getTime() % 60_000 === 0) {
    return 60_000
  }
  return at.getTime() % 1_000 === 0 ? 1_000 : 1
}

/**
 * Whether a dated event is late: older than the newest event already applied
 * to the shipment, compared like with like — the applied time cut to the new
 * event's precision, so a scan stamped in the same second (or minute) as the
 * last move is on time. The shipment's own creation is not an event a
 * carrier can be late for (`newestApplied` excludes it).
 */
export function isLateEvent(occurredAt: Date, newestApplied: Date | null): boolean {
  if (!newestApplied) {
    return false
  }
  const precision = timePrecisionMs(occurredAt)
  const floored = Math.floor(newestApplied.getTime() / precision) * precision
  return occurredAt.getTime() < floored
}

/** The statuses in which the parcel is (or was) in the carrier's hands. */
export const PARCEL_LEFT_STATUSES: readonly ShipmentStatusValue[] = [
  S.SHIPPED,
  S.IN_TRANSIT,
  S.OUT_FOR_DELIVERY,
  S.DELIVERY_FAILED,
  S.DELIVERED,
]

/**
 * "Has the parcel left?" — the one answer every rule asks: Medusa's
 * fulfillment is marked shipped on the first of these, a label can no longer
 * be voided, a cancel no longer cancels Medusa's fulfillment. Awaiting
 * shipment and canceled (before it left) are not.
 */
export function hasParcelLeft(status: ShipmentStatusValue | string | null | undefined): boolean {
  return PARCEL_LEFT_STATUSES.includes(status as ShipmentStatusValue)
}
