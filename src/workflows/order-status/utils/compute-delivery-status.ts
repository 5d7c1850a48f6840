import type { OrderDeliveryStatusValue } from "../../../modules/order-status/statuses"

/** One digital delivery of an order, as the status refresh loads it. */
export type DeliveryStatusSource = {
  status: string
  /** An attempt may have been carried out, or not: a person must decide. */
  outcome_unknown?: boolean | null
}

/** The fields of an order's deliveries that {@link computeDeliveryStatus} reads (with `order_id` to group them). */
export const DELIVERY_STATUS_SOURCE_FIELDS = ["order_id", "status", "outcome_unknown"]

/**
 * The order's digital delivery state, from its deliveries. What needs a
 * person wins: an unknown outcome, then a failure, then a recipient to wait
 * for, then work still pending. An order whose deliveries all reached the
 * customer is `delivered` (items revoked since, by a partial refund, don't
 * change that while one is still delivered); all revoked is `revoked`. No
 * deliveries: `none`. Pure.
 */
export function computeDeliveryStatus(deliveries: DeliveryStatusSource[]): OrderDeliveryStatusValue {
  if (!deliveries.length) {
    return "none"
  }
  const has = (status: string) => deliveries.some((d) => d.status === status)
  const unknown = (d: DeliveryStatusSource) =>
    d.status === "outcome_unknown" || (!!d.outcome_unknown && d.status !== "delivered" && d.status !== "revoked")
  if (deliveries.some(unknown)) {
    return "outcome_unknown"
  }
  if (has("failed")) {
    return "failed"
  }
  if (has("awaiting_recipient")) {
    return "awaiting_recipient"
  }
  if (has("pending")) {
    return "pending"
  }
  if (has("delivered")) {
    return "delivered"
  }
  return "revoked"
}
