import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ORDER_STATUS_MODULE } from "../../../../modules/order-status"
import type OrderStatusModuleService from "../../../../modules/order-status/service"
import type { OrderStatusDTO } from "../../../../types"
import {
  buildOrderStatusListFilters,
  ORDER_STATUS_LIST_COLUMNS,
  orderStatusListOrder,
} from "../../../../workflows/order-status/utils/order-status-list-query"
import type { AdminGetOrderOpsOrdersParamsType } from "./validators"

/** One row of the Order operations list. */
export type AdminOrderOpsOrderRow = {
  /** The order id. */
  id: string
  display_id: number
  /** When the order was placed. */
  created_at: Date | string
  email: string | null
  customer_name: string | null
  total: number
  currency_code: string
  fulfillment_status: OrderStatusDTO["fulfillment_status"]
  payment_status: OrderStatusDTO["payment_status"]
  delivery_status: OrderStatusDTO["delivery_status"]
  is_test: boolean
  item_count: number
  shipment_count: number
  shipment_statuses: string[]
  /** Order case: the active hold's reason (null when not held) and since when. */
  hold_reason: string | null
  held_since: Date | string | null
  /** The merchant's label on the order. */
  order_label: { id: string; name: string; color: string | null } | null
  /** The most pressing dispute's status, and the nearest evidence due date of the open ones. */
  dispute_status: string | null
  dispute_due_at: Date | string | null
}

const toRow = (row: OrderStatusDTO): AdminOrderOpsOrderRow => ({
  id: row.order_id,
  display_id: row.display_id,
  created_at: row.order_created_at,
  email: row.email,
  customer_name: row.customer_name,
  total: Number(row.total),
  currency_code: row.currency_code,
  fulfillment_status: row.fulfillment_status,
  payment_status: row.payment_status,
  delivery_status: row.delivery_status ?? "none",
  is_test: row.is_test,
  item_count: row.item_count,
  shipment_count: row.shipment_count,
  shipment_statuses: row.shipment_statuses ?? [],
  hold_reason: row.hold_reason ?? null,
  held_since: row.held_since ?? null,
  order_label: row.order_label_id
    ? { id: row.order_label_id, name: row.order_label_name ?? "", color: row.order_label_color ?? null }
    : null,
  dispute_status: row.dispute_status ?? null,
  dispute_due_at: row.dispute_due_at ?? null,
})

/**
 * The Order operations list: orders with their persisted fulfillment and
 * payment statuses, filtered, searched, sorted and paged in SQL over the
 * `order_status` read model. Two queries per request (the page and the
 * count), whatever the page size.
 */
export const GET = async (
  req: AuthenticatedMedusaRequest<unknown, AdminGetOrderOpsOrdersParamsType>,
  res: MedusaResponse
) => {
  const { limit, offset, order, ...params } = req.validatedQuery
  const service: OrderStatusModuleService = req.scope.resolve(ORDER_STATUS_MODULE)
  const [rows, count] = await service.listAndCountOrderStatusRows(buildOrderStatusListFilters(params), {
    select: ORDER_STATUS_LIST_COLUMNS,
    skip: offset,
    take: limit,
    order: orderStatusListOrder(order),
  })
  res.json({
    orders: (rows as unknown as OrderStatusDTO[]).map(toRow),
    count,
    limit,
    offset,
  })
}
