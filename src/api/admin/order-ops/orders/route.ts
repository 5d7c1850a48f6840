import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ORDER_STATUS_MODULE } from "../../../../modules/order-status"
import type OrderStatusModuleService from "../../../../modules/order-status/service"
import type { AdminOrderOpsListResponse, AdminOrderOpsOrderRow, OrderStatusDTO } from "../../../../types"
import {
  buildOrderStatusListFilters,
  ORDER_STATUS_LIST_COLUMNS,
  orderStatusListOrder,
} from "../../../../workflows/order-status/utils/order-status-list-query"
import type { AdminGetOrderOpsOrdersParamsType } from "./validators"

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
  res: MedusaResponse<AdminOrderOpsListResponse>
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
