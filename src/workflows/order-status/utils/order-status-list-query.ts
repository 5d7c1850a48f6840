import type {
  OrderDeliveryStatusValue,
  OrderFulfillmentStatusValue,
  OrderPaymentStatusValue,
} from "../../../modules/order-status/statuses"

/** What the Order operations list can be asked for. */
export type OrderStatusListParams = {
  fulfillment_status?: OrderFulfillmentStatusValue[]
  payment_status?: OrderPaymentStatusValue[]
  delivery_status?: OrderDeliveryStatusValue[]
  is_test?: boolean
  on_hold?: boolean
  order_label_id?: string
  disputed?: boolean
  created_at_gte?: Date
  created_at_lte?: Date
  q?: string
  order?: "created_at" | "-created_at" | "total" | "-total"
}

/** Filters for `listAndCountOrderStatusRows`: every condition becomes SQL. */
export type OrderStatusListFilters = Record<string, unknown>

/** Columns the list reads: exactly what a row of the response needs. */
export const ORDER_STATUS_LIST_COLUMNS = [
  "id",
  "order_id",
  "display_id",
  "order_created_at",
  "email",
  "customer_name",
  "total",
  "currency_code",
  "fulfillment_status",
  "payment_status",
  "delivery_status",
  "is_test",
  "item_count",
  "shipment_count",
  "shipment_statuses",
  "hold_reason",
  "held_since",
  "order_label_id",
  "order_label_name",
  "order_label_color",
  "dispute_status",
  "dispute_due_at",
]

/** `50%_off` → `50\%\_off`: a search term matches literally inside ILIKE. */
export function escapeLike(term: string): string {
  return term.replace(/[\\%_]/g, (c) => `\\${c}`)
}

/**
 * Turns validated list parameters into MikroORM filters over `order_status`.
 * Statuses are `IN` lists, the date range bounds `order_created_at`, and `q`
 * matches the display id exactly when it is a number (`123` or `#123`) or
 * part of the email or customer name, case-insensitively. Pure.
 */
export function buildOrderStatusListFilters(params: OrderStatusListParams): OrderStatusListFilters {
  const filters: OrderStatusListFilters = {}
  if (params.fulfillment_status?.length) {
    filters.fulfillment_status = params.fulfillment_status
  }
  if (params.payment_status?.length) {
    filters.payment_status = params.payment_status
  }
  if (params.delivery_status?.length) {
    filters.delivery_status = params.delivery_status
  }
  if (params.is_test !== undefined) {
    filters.is_test = params.is_test
  }
  if (params.on_hold !== undefined) {
    filters.hold_reason = params.on_hold ? { $ne: null } : null
  }
  if (params.order_label_id) {
    filters.order_label_id = params.order_label_id
  }
  if (params.disputed !== undefined) {
    filters.dispute_status = params.disputed ? { $ne: null } : null
  }
  if (params.created_at_gte || params.created_at_lte) {
    filters.order_created_at = {
      ...(params.created_at_gte ? { $gte: params.created_at_gte } : {}),
      ...(params.created_at_lte ? { $lte: params.created_at_lte } : {}),
    }
  }
  const q = params.q?.trim()
  if (q) {
    const pattern = `%${escapeLike(q)}%`
    const or: Record<string, unknown>[] = [
      { email: { $ilike: pattern } },
      { customer_name: { $ilike: pattern } },
    ]
    const displayId = /^#?(\d{1,9})$/.exec(q)
    if (displayId) {
      or.unshift({ display_id: Number(displayId[1]) })
    }
    filters.$or = or
  }
  return filters
}

/**
 * The SQL order for a sort parameter: by placement date or total, newest /
 * largest first with `-`, and the row id as a tie-breaker so pages never
 * overlap or skip rows.
 */
export function orderStatusListOrder(
  order: OrderStatusListParams["order"] = "-created_at"
): Record<string, "ASC" | "DESC"> {
  const direction = order.startsWith("-") ? "DESC" : "ASC"
  const column = order.replace(/^-/, "") === "total" ? "total" : "order_created_at"
  return { [column]: direction, id: direction }
}
