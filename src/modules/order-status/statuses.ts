/**
 * The vocabulary of the `order_status` read model. Values are stored as-is
 * (snake_case) and filtered on in SQL; labels are what merchants read.
 */

/** Extended order fulfillment status. */
export const OrderFulfillmentStatus = {
  UNFULFILLED: "unfulfilled",
  DISPATCHED: "dispatched",
  PARTIALLY_FULFILLED: "partially_fulfilled",
  FULFILLED: "fulfilled",
  DELIVERED: "delivered",
  PICKED_UP: "picked_up",
  PARTIALLY_RETURNED: "partially_returned",
  RETURNED: "returned",
  CANCELED: "canceled",
} as const
export type OrderFulfillmentStatusValue =
  (typeof OrderFulfillmentStatus)[keyof typeof OrderFulfillmentStatus]
/** Every fulfillment status, in the order the admin lists them. */
export const ORDER_FULFILLMENT_STATUSES = Object.values(OrderFulfillmentStatus) as [
  OrderFulfillmentStatusValue,
  ...OrderFulfillmentStatusValue[],
]

/** Merchant-facing names of the fulfillment statuses. */
export const ORDER_FULFILLMENT_STATUS_LABELS: Record<OrderFulfillmentStatusValue, string> = {
  unfulfilled: "Unfulfilled",
  dispatched: "Dispatched",
  partially_fulfilled: "Partially Fulfilled",
  fulfilled: "Fulfilled",
  delivered: "Delivered",
  picked_up: "Picked Up",
  partially_returned: "Partially Returned",
  returned: "Returned",
  canceled: "Canceled",
}

/** Order payment status. */
export const OrderPaymentStatus = {
  UNPAID: "unpaid",
  IN_PROGRESS: "in_progress",
  PARTIALLY_PAID: "partially_paid",
  PAID: "paid",
  PARTIALLY_REFUNDED: "partially_refunded",
  REFUNDED: "refunded",
  /** A dispute on the order was lost or accepted: the money went back to the cardholder. */
  DISPUTED: "disputed",
} as const
export type OrderPaymentStatusValue = (typeof OrderPaymentStatus)[keyof typeof OrderPaymentStatus]
/** Every payment status, in the order the admin lists them. */
export const ORDER_PAYMENT_STATUSES = Object.values(OrderPaymentStatus) as [
  OrderPaymentStatusValue,
  ...OrderPaymentStatusValue[],
]

/** Merchant-facing names of the payment statuses. */
export const ORDER_PAYMENT_STATUS_LABELS: Record<OrderPaymentStatusValue, string> = {
  unpaid: "Unpaid",
  in_progress: "In progress",
  partially_paid: "Partially Paid",
  paid: "Paid",
  partially_refunded: "Partially Refunded",
  refunded: "Refunded",
  disputed: "Disputed",
}

/**
 * The state of an order's digital deliveries, as one value (see
 * `computeDeliveryStatus`): `none` when the order has no digital items.
 */
export const OrderDeliveryStatus = {
  NONE: "none",
  PENDING: "pending",
  AWAITING_RECIPIENT: "awaiting_recipient",
  DELIVERED: "delivered",
  FAILED: "failed",
  OUTCOME_UNKNOWN: "outcome_unknown",
  REVOKED: "revoked",
} as const
export type OrderDeliveryStatusValue = (typeof OrderDeliveryStatus)[keyof typeof OrderDeliveryStatus]
/** Every delivery status, in the order the admin lists them. */
export const ORDER_DELIVERY_STATUSES = Object.values(OrderDeliveryStatus) as [
  OrderDeliveryStatusValue,
  ...OrderDeliveryStatusValue[],
]

/** Merchant-facing names of the delivery statuses. */
export const ORDER_DELIVERY_STATUS_LABELS: Record<OrderDeliveryStatusValue, string> = {
  none: "No digital items",
  pending: "Delivery pending",
  awaiting_recipient: "Awaiting recipient",
  delivered: "Delivered",
  failed: "Delivery failed",
  outcome_unknown: "Outcome unknown",
  revoked: "Revoked",
}
