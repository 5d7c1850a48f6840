import type { UpsertOrderStatusDTO } from "../../../types"
import { computeFulfillmentStatus, type FulfillmentStatusShipment } from "./compute-fulfillment-status"
import { computeDeliveryStatus, type DeliveryStatusSource } from "./compute-delivery-status"
import { computePaymentStatus } from "./compute-payment-status"
import type { OrderCaseSummary } from "../../order-case/utils/order-case-summary"

/**
 * The order fields the refresh loads in its one `query.graph` call. Item
 * quantities live on the order item detail, so they must be asked for as
 * `items.detail.*` fields; whether a fulfillment is a pickup is its shipping
 * option's fulfillment set type.
 */
export const ORDER_STATUS_SOURCE_FIELDS = [
  "id",
  "display_id",
  "email",
  "customer_id",
  "currency_code",
  "total",
  "status",
  "canceled_at",
  "created_at",
  "is_draft_order",
  "customer.first_name",
  "customer.last_name",
  "billing_address.first_name",
  "billing_address.last_name",
  "shipping_address.first_name",
  "shipping_address.last_name",
  "items.id",
  "items.quantity",
  "items.detail.fulfilled_quantity",
  "items.detail.shipped_quantity",
  "items.detail.delivered_quantity",
  "items.detail.return_received_quantity",
  "items.detail.return_dismissed_quantity",
  "fulfillments.id",
  "fulfillments.canceled_at",
  "fulfillments.shipped_at",
  "fulfillments.delivered_at",
  "fulfillments.shipping_option.service_zone.fulfillment_set.type",
  "payment_collections.id",
  "payment_collections.status",
  "payment_collections.amount",
  "payment_collections.authorized_amount",
  "payment_collections.captured_amount",
  "payment_collections.refunded_amount",
  "shipping_methods.shipping_option.type.code",
]

type Name = { first_name?: string | null; last_name?: string | null } | null | undefined
type Amount = number | string | null | undefined
type When = Date | string | null | undefined

/** The shape of one order as `query.graph` returns {@link ORDER_STATUS_SOURCE_FIELDS}. */
export type OrderStatusSource = {
  id: string
  display_id: number
  email?: string | null
  customer_id?: string | null
  currency_code: string
  total?: Amount
  status?: string | null
  canceled_at?: When
  created_at: When
  is_draft_order?: boolean | null
  customer?: Name
  billing_address?: Name
  shipping_address?: Name
  items?:
    | ({
        quantity?: Amount
        detail?: {
          fulfilled_quantity?: Amount
          shipped_quantity?: Amount
          delivered_quantity?: Amount
          return_received_quantity?: Amount
          return_dismissed_quantity?: Amount
        } | null
      } | null)[]
    | null
  fulfillments?:
    | ({
        canceled_at?: When
        shipped_at?: When
        delivered_at?: When
        shipping_option?: {
          service_zone?: { fulfillment_set?: { type?: string | null } | null } | null
        } | null
      } | null)[]
    | null
  shipping_methods?: ({ shipping_option?: { type?: { code?: string | null } | null } | null } | null)[] | null
  payment_collections?:
    | ({
        status?: string | null
        amount?: Amount
        authorized_amount?: Amount
        captured_amount?: Amount
        refunded_amount?: Amount
      } | null)[]
    | null
}

/** One of our shipments, as the refresh loads it. */
export type OrderStatusShipmentSource = FulfillmentStatusShipment & {
  id?: string
  order_id: string
  created_at?: When
}

const amount = (value: Amount): number => {
  const n = Number(value ?? 0)
  return Number.isFinite(n) ? n : 0
}

const fullName = (name: Name): string | null => {
  const joined = [name?.first_name, name?.last_name]
    .map((part) => part?.trim())
    .filter(Boolean)
    .join(" ")
  return joined || null
}

const time = (value: When): number => (value ? new Date(value).getTime() : 0)

/** An order's shipments as its row lists them: oldest first (then by id, so ties always come out the same). Pure. */
export function orderedShipments<T extends OrderStatusShipmentSource>(shipments: T[]): T[] {
  return [...shipments].sort((a, b) => time(a.created_at) - time(b.created_at) || (a.id ?? "").localeCompare(b.id ?? ""))
}

/**
 * Turns one loaded order and its shipments into the `order_status` row the
 * refresh writes: both statuses, the customer's display name (customer, else
 * billing, else shipping address), counts and the shipment summary. Pure.
 * `isTest` (from the test_order module) is written when given and left
 * alone otherwise; so is the delivery status, from the order's digital
 * `deliveries` (see `computeDeliveryStatus`).
 */
export function buildOrderStatusRow(
  order: OrderStatusSource,
  shipments: OrderStatusShipmentSource[],
  computedAt: Date,
  isTest?: boolean,
  deliveries?: DeliveryStatusSource[],
  orderCase?: OrderCaseSummary
): UpsertOrderStatusDTO {
  const canceled = order.status === "canceled" || !!order.canceled_at
  const items = (order.items ?? []).flatMap((item) =>
    item
      ? [
          {
            quantity: amount(item.quantity),
            fulfilled_quantity: amount(item.detail?.fulfilled_quantity),
            shipped_quantity: amount(item.detail?.shipped_quantity),
            delivered_quantity: amount(item.detail?.delivered_quantity),
            return_received_quantity: amount(item.detail?.return_received_quantity),
            return_dismissed_quantity: amount(item.detail?.return_dismissed_quantity),
          },
        ]
      : []
  )
  const fulfillments = (order.fulfillments ?? []).flatMap((f) =>
    f
      ? [
          {
            canceled_at: f.canceled_at ?? null,
            shipped_at: f.shipped_at ?? null,
            delivered_at: f.delivered_at ?? null,
            is_pickup: f.shipping_option?.service_zone?.fulfillment_set?.type === "pickup",
          },
        ]
      : []
  )
  const paymentCollections = (order.payment_collections ?? []).flatMap((c) =>
    c
      ? [
          {
            status: c.status ?? "not_paid",
            amount: amount(c.amount),
            authorized_amount: amount(c.authorized_amount),
            captured_amount: amount(c.captured_amount),
            refunded_amount: amount(c.refunded_amount),
          },
        ]
      : []
  )
  const ordered = orderedShipments(shipments)
  const total = amount(order.total)

  return {
    order_id: order.id,
    display_id: order.display_id,
    email: order.email ?? null,
    customer_id: order.customer_id ?? null,
    customer_name:
      fullName(order.customer) ?? fullName(order.billing_address) ?? fullName(order.shipping_address),
    currency_code: order.currency_code,
    total,
    fulfillment_status: computeFulfillmentStatus({
      canceled,
      items,
      fulfillments,
      shipments: ordered.map(({ status, shipping_point }) => ({ status, shipping_point })),
    }),
    payment_status: computePaymentStatus({
      total,
      currency_code: order.currency_code,
      canceled,
      payment_collections: paymentCollections,
      disputed_amount: orderCase?.disputed_amount ?? 0,
    }),
    item_count: items.reduce((sum, item) => sum + item.quantity, 0),
    shipment_count: ordered.length,
    shipment_statuses: ordered.map((s) => s.status),
    order_created_at: new Date(order.created_at ?? computedAt),
    canceled_at: order.canceled_at ? new Date(order.canceled_at) : null,
    computed_at: computedAt,
    ...(order.shipping_methods === undefined ? {} : { shipping_option_type: shippingOptionType(order) }),
    ...(isTest === undefined ? {} : { is_test: isTest }),
    ...(deliveries === undefined ? {} : { delivery_status: computeDeliveryStatus(deliveries) }),
    ...(orderCase ? orderCaseColumns(orderCase) : {}),
  }
}

/** The code of the order's first shipping method's shipping option type, or null. */
export function shippingOptionType(order: Pick<OrderStatusSource, "shipping_methods">): string | null {
  for (const method of order.shipping_methods ?? []) {
    const code = method?.shipping_option?.type?.code
    if (code) {
      return code
    }
  }
  return null
}

/** The order case columns of a row (see `OrderCaseSummary`). */
function orderCaseColumns(summary: OrderCaseSummary) {
  const { disputed_amount: _disputed, ...columns } = summary
  void _disputed
  return columns
}
