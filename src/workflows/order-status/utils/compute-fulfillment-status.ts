import { hasParcelLeft } from "../../../modules/shipment/state-machine"
import {
  OrderFulfillmentStatus,
  type OrderFulfillmentStatusValue,
} from "../../../modules/order-status/statuses"

export {
  OrderFulfillmentStatus,
  ORDER_FULFILLMENT_STATUSES,
  ORDER_FULFILLMENT_STATUS_LABELS,
  type OrderFulfillmentStatusValue,
} from "../../../modules/order-status/statuses"

/** One order line's quantities, as Medusa's order item detail keeps them. */
export type FulfillmentStatusItem = {
  /** Units ordered. A line removed by an order edit has quantity 0 and is ignored. */
  quantity: number
  /** Units in fulfillments (canceled fulfillments give theirs back). */
  fulfilled_quantity?: number | null
  /** Units whose fulfillment was marked shipped. */
  shipped_quantity?: number | null
  /** Units whose fulfillment was marked delivered (digital and pickup ones skip "shipped"). */
  delivered_quantity?: number | null
  /** Units received back from a return. */
  return_received_quantity?: number | null
  /** Units received back damaged (dismissed, not restocked): still returned. */
  return_dismissed_quantity?: number | null
}

/** One of the order's Medusa fulfillments. */
export type FulfillmentStatusFulfillment = {
  canceled_at?: Date | string | null
  shipped_at?: Date | string | null
  delivered_at?: Date | string | null
  /** True when its shipping option belongs to a `pickup` fulfillment set. */
  is_pickup: boolean
}

/** One of our shipments (the shipment module), canceled ones included. */
export type FulfillmentStatusShipment = {
  /** `awaiting_shipment`, `shipped`, `in_transit`, `out_for_delivery`, `delivered`, `delivery_failed` or `canceled`. */
  status: string
  /** `local`, `international` or `pickup`. */
  shipping_point?: string | null
}

/** Everything {@link computeFulfillmentStatus} looks at. */
export type FulfillmentStatusInput = {
  /** The order is canceled (status `canceled` or a `canceled_at`). */
  canceled: boolean
  items: FulfillmentStatusItem[]
  fulfillments: FulfillmentStatusFulfillment[]
  /** Our shipments for the order; none when the shipment module has none. */
  shipments?: FulfillmentStatusShipment[]
}


const num = (value: number | null | undefined): number => {
  const n = Number(value ?? 0)
  return Number.isFinite(n) && n > 0 ? n : 0
}

/** Order-wide unit totals, each capped per line at the line's quantity. */
export function fulfillmentQuantities(items: FulfillmentStatusItem[]) {
  const totals = { ordered: 0, fulfilled: 0, shipped: 0, delivered: 0, returned: 0 }
  for (const item of items) {
    const quantity = num(item.quantity)
    if (!quantity) {
      continue
    }
    const delivered = Math.min(quantity, num(item.delivered_quantity))
    totals.ordered += quantity
    totals.fulfilled += Math.min(quantity, num(item.fulfilled_quantity))
    // A delivered unit has left the building even when "shipped" was skipped.
    totals.shipped += Math.min(quantity, Math.max(num(item.shipped_quantity), delivered))
    totals.delivered += delivered
    totals.returned += Math.min(
      quantity,
      num(item.return_received_quantity) + num(item.return_dismissed_quantity)
    )
  }
  return totals
}

/**
 * Whether a shipment moving from one status to another can change its
 * order's fulfillment status. {@link computeFulfillmentStatus} sees a
 * shipment only through three questions (is it canceled, is it delivered,
 * has the parcel left); a move that answers all three the same, such as
 * shipped → in transit → out for delivery, leaves the order's fulfillment
 * status as it was whatever else the order holds. Pure.
 */
export function movesOrderFulfillmentStatus(from: string | null | undefined, to: string | null | undefined): boolean {
  const seen = (status: string | null | undefined) => [status === "canceled", status === "delivered", hasParcelLeft(status)].join()
  return seen(from) !== seen(to)
}

/**
 * The extended fulfillment status of an order. Pure: the same input always
 * gives the same status. Rules, first match wins ("all" means every unit of
 * every line with a quantity; "active shipment" means one of our shipments
 * that is not canceled):
 *
 * | # | when | status |
 * |---|---|---|
 * | 1 | the order is canceled | `canceled` |
 * | 2 | every unit was received back from returns | `returned` |
 * | 3 | some unit was received back | `partially_returned` |
 * | 4 | every unit was delivered, and every delivered (non-canceled) fulfillment is a pickup one | `picked_up` |
 * | 5 | every unit was delivered | `delivered` |
 * | 6 | every unit is in a fulfillment, there is an active shipment and every active shipment is delivered: `picked_up` when every active shipment is a pickup, else | `delivered` |
 * | 7 | every unit shipped (or delivered), or every unit is in a fulfillment and every active shipment (at least one) has shipped | `fulfilled` |
 * | 8 | some unit shipped or delivered, some but not all units are in fulfillments, or some active shipment has shipped | `partially_fulfilled` |
 * | 9 | every unit is in a fulfillment, nothing shipped | `dispatched` |
 * | 10 | otherwise (nothing fulfilled, or no items) | `unfulfilled` |
 *
 * Digital items follow the same rules: a digital fulfillment marked delivered
 * counts as delivered. Our shipments only ever move an order forward from
 * what Medusa's own records say (rows 6–8): a carrier scan that Medusa's
 * fulfillment has not been told about still shows.
 */
export function computeFulfillmentStatus(input: FulfillmentStatusInput): OrderFulfillmentStatusValue {
  if (input.canceled) {
    return OrderFulfillmentStatus.CANCELED
  }
  const q = fulfillmentQuantities(input.items)
  if (q.ordered > 0 && q.returned >= q.ordered) {
    return OrderFulfillmentStatus.RETURNED
  }
  if (q.returned > 0) {
    return OrderFulfillmentStatus.PARTIALLY_RETURNED
  }

  if (q.ordered > 0 && q.delivered >= q.ordered) {
    const delivered = input.fulfillments.filter((f) => !f.canceled_at && f.delivered_at)
    return delivered.length > 0 && delivered.every((f) => f.is_pickup)
      ? OrderFulfillmentStatus.PICKED_UP
      : OrderFulfillmentStatus.DELIVERED
  }

  const active = (input.shipments ?? []).filter((s) => s.status !== "canceled")
  const allFulfilled = q.ordered > 0 && q.fulfilled >= q.ordered
  if (allFulfilled && active.length > 0 && active.every((s) => s.status === "delivered")) {
    return active.every((s) => s.shipping_point === "pickup")
      ? OrderFulfillmentStatus.PICKED_UP
      : OrderFulfillmentStatus.DELIVERED
  }

  const allShippedByCore = q.ordered > 0 && q.shipped >= q.ordered
  const allShippedByShipments =
    allFulfilled && active.length > 0 && active.every((s) => hasParcelLeft(s.status))
  if (allShippedByCore || allShippedByShipments) {
    return OrderFulfillmentStatus.FULFILLED
  }

  if (
    q.shipped > 0 ||
    (q.fulfilled > 0 && q.fulfilled < q.ordered) ||
    active.some((s) => hasParcelLeft(s.status))
  ) {
    return OrderFulfillmentStatus.PARTIALLY_FULFILLED
  }
  if (allFulfilled) {
    return OrderFulfillmentStatus.DISPATCHED
  }
  return OrderFulfillmentStatus.UNFULFILLED
}
