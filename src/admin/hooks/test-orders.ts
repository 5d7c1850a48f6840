import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query"
import { sdk } from "../lib/sdk"
import type {
  AdminDeleteTestOrderResponse,
  AdminOrderTestOrderResponse,
  AdminPlaceTestOrderBody,
  AdminPlaceTestOrderResponse,
  AdminPurgeTestOrdersResponse,
  AdminTestOrdersResponse,
} from "../lib/types"
import { dashboardOrderKeys, orderOpsKeys, orderStatusKeys } from "./order-ops"

/** Query keys for test orders; placing, deleting and purging invalidate `all`. */
export const testOrderKeys = {
  all: ["order-ops", "test-orders"] as const,
  list: (query: { limit: number; offset: number }) => [...testOrderKeys.all, "list", query] as const,
  order: (orderId: string) => [...testOrderKeys.all, "order", orderId] as const,
}

/** A page of test orders, newest first; `count` is how many there are in all. */
export function useTestOrders(query: { limit: number; offset: number }) {
  return useQuery({
    queryKey: testOrderKeys.list(query),
    queryFn: () => sdk.client.fetch<AdminTestOrdersResponse>("/admin/test-orders", { query }),
  })
}

/** The order's test-order flag: null for a real order. */
export function useOrderTestOrder(orderId: string) {
  return useQuery({
    queryKey: testOrderKeys.order(orderId),
    queryFn: () => sdk.client.fetch<AdminOrderTestOrderResponse>(`/admin/orders/${orderId}/test-order`),
  })
}

/**
 * Marks stale everything that lists or counts orders: test orders, the operations
 * list, order statuses and the dashboard's order queries.
 *
 * `refetch: false` only marks them: after a delete, the order page that asked for it
 * is still mounted for a moment, and refetching its order would flash a "not found".
 * The next page to show them fetches them afresh.
 */
function useInvalidateOrders() {
  const client = useQueryClient()
  return ({ refetch }: { refetch: boolean }) => {
    const refetchType = refetch ? "active" : "none"
    return Promise.all([
      client.invalidateQueries({ queryKey: testOrderKeys.all, refetchType }),
      client.invalidateQueries({ queryKey: orderOpsKeys.all, refetchType }),
      client.invalidateQueries({ queryKey: orderStatusKeys.all, refetchType }),
      client.invalidateQueries({ queryKey: dashboardOrderKeys.all, refetchType }),
    ])
  }
}

/** Places a test order; the response names the new order, for opening it. */
export function usePlaceTestOrder() {
  const invalidate = useInvalidateOrders()
  return useMutation({
    mutationFn: (body: AdminPlaceTestOrderBody) =>
      sdk.client.fetch<AdminPlaceTestOrderResponse>("/admin/test-orders", { method: "POST", body }),
    onSuccess: () => invalidate({ refetch: true }),
  })
}

/** Deletes a test order by its order id; the server refuses a real order. */
export function useDeleteTestOrder() {
  const invalidate = useInvalidateOrders()
  return useMutation({
    mutationFn: (orderId: string) =>
      sdk.client.fetch<AdminDeleteTestOrderResponse>(`/admin/test-orders/${orderId}`, { method: "DELETE" }),
    onSuccess: () => invalidate({ refetch: false }),
  })
}

/** Deletes every test order. */
export function usePurgeTestOrders() {
  const invalidate = useInvalidateOrders()
  return useMutation({
    mutationFn: () =>
      sdk.client.fetch<AdminPurgeTestOrdersResponse>("/admin/test-orders/purge", { method: "POST" }),
    onSuccess: () => invalidate({ refetch: true }),
  })
}
