import { keepPreviousData, useQuery } from "@tanstack/react-query"
import { sdk } from "../lib/sdk"
import type {
  AdminOrderOpsListQuery,
  AdminOrderOpsListResponse,
  AdminOrderStatusResponse,
} from "../lib/types"

/** Query keys for the operations list; every shipment mutation invalidates `all`. */
export const orderOpsKeys = {
  all: ["order-ops", "orders"] as const,
  list: (query: AdminOrderOpsListQuery) => [...orderOpsKeys.all, "list", query] as const,
}

/** Query keys for an order's status projection. */
export const orderStatusKeys = {
  all: ["order-ops", "order-status"] as const,
  order: (orderId: string) => [...orderStatusKeys.all, orderId] as const,
}

/** The dashboard's own order queries (`ordersQueryKeys` in @medusajs/dashboard). */
export const dashboardOrderKeys = {
  all: ["orders"] as const,
  // The order preview's key nests the detail key: [["orders", "detail", id], "preview"].
  detail: (orderId: string) => [["orders", "detail", orderId]] as const,
}

/**
 * The list's query string. Status filters repeat their key
 * (`fulfillment_status=a&fulfillment_status=b`), as the route expects.
 */
export function orderOpsSearch(query: AdminOrderOpsListQuery): string {
  const params = new URLSearchParams()
  for (const status of query.fulfillment_status ?? []) params.append("fulfillment_status", status)
  for (const status of query.payment_status ?? []) params.append("payment_status", status)
  for (const status of query.delivery_status ?? []) params.append("delivery_status", status)
  if (query.created_at_gte) params.set("created_at_gte", query.created_at_gte)
  if (query.created_at_lte) params.set("created_at_lte", query.created_at_lte)
  if (query.q) params.set("q", query.q)
  if (query.is_test !== undefined) params.set("is_test", String(query.is_test))
  if (query.on_hold !== undefined) params.set("on_hold", String(query.on_hold))
  if (query.order_label_id) params.set("order_label_id", query.order_label_id)
  if (query.disputed !== undefined) params.set("disputed", String(query.disputed))
  if (query.order) params.set("order", query.order)
  if (query.limit !== undefined) params.set("limit", String(query.limit))
  if (query.offset !== undefined) params.set("offset", String(query.offset))
  return params.toString()
}

/** One page of orders from the status read model, filtered and sorted by the server. */
export function useOrderOpsOrders(query: AdminOrderOpsListQuery) {
  return useQuery({
    queryKey: orderOpsKeys.list(query),
    // The query string is built here rather than by the SDK, whose `qs` would write `key[0]=`.
    queryFn: () => sdk.client.fetch<AdminOrderOpsListResponse>(`/admin/order-ops/orders?${orderOpsSearch(query)}`),
    // Keep the current page on screen while the next filter or page loads.
    placeholderData: keepPreviousData,
  })
}

/** The order's extended fulfillment and payment status. */
export function useOrderStatus(orderId: string) {
  return useQuery({
    queryKey: orderStatusKeys.order(orderId),
    queryFn: () => sdk.client.fetch<AdminOrderStatusResponse>(`/admin/orders/${orderId}/status`),
  })
}
