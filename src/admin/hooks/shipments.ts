import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query"
import { sdk } from "../lib/sdk"
import type {
  AdminCreateShipmentBody,
  AdminOrderShipmentsResponse,
  AdminShipmentEventBody,
  AdminShipmentEventResponse,
  AdminShipmentResponse,
  AdminUpdateShipmentBody,
} from "../lib/types"
import { dashboardOrderKeys, orderOpsKeys, orderStatusKeys } from "./order-ops"
import { orderTimelineKeys } from "./order-timeline"

/** Query keys for shipments. */
export const shipmentKeys = {
  all: ["order-ops", "shipments"] as const,
  order: (orderId: string) => [...shipmentKeys.all, "order", orderId] as const,
}

/** The order's shipments, its status, what is left to ship and the carriers to choose from. */
export function useOrderShipments(orderId: string) {
  return useQuery({
    queryKey: shipmentKeys.order(orderId),
    queryFn: () => sdk.client.fetch<AdminOrderShipmentsResponse>(`/admin/orders/${orderId}/shipments`),
  })
}

/**
 * Everything a shipment change can move: the order's shipments and status,
 * its timeline, the operations list, and the core order page.
 */
export function useInvalidateShipments(orderId: string) {
  const client = useQueryClient()
  return () =>
    Promise.all([
      client.invalidateQueries({ queryKey: shipmentKeys.order(orderId) }),
      client.invalidateQueries({ queryKey: orderStatusKeys.order(orderId) }),
      client.invalidateQueries({ queryKey: orderTimelineKeys.order(orderId) }),
      client.invalidateQueries({ queryKey: orderOpsKeys.all }),
      client.invalidateQueries({ queryKey: dashboardOrderKeys.all }),
      client.invalidateQueries({ queryKey: dashboardOrderKeys.detail(orderId) }),
    ])
}

export function useCreateShipment(orderId: string) {
  const invalidate = useInvalidateShipments(orderId)
  return useMutation({
    mutationFn: (body: AdminCreateShipmentBody) =>
      sdk.client.fetch<AdminShipmentResponse>(`/admin/orders/${orderId}/shipments`, {
        method: "POST",
        body,
      }),
    onSuccess: invalidate,
  })
}

export function useUpdateShipment(orderId: string) {
  const invalidate = useInvalidateShipments(orderId)
  return useMutation({
    mutationFn: ({ id, ...body }: AdminUpdateShipmentBody & { id: string }) =>
      sdk.client.fetch<AdminShipmentResponse>(`/admin/shipments/${id}`, { method: "POST", body }),
    onSuccess: invalidate,
  })
}

export function useAddShipmentEvent(orderId: string) {
  const invalidate = useInvalidateShipments(orderId)
  return useMutation({
    mutationFn: ({ id, ...body }: AdminShipmentEventBody & { id: string }) =>
      sdk.client.fetch<AdminShipmentEventResponse>(
        `/admin/shipments/${id}/events`,
        { method: "POST", body }
      ),
    onSuccess: invalidate,
  })
}

/** Mark as delivered (or picked up, for a pickup shipment). */
export function useDeliverShipment(orderId: string) {
  const invalidate = useInvalidateShipments(orderId)
  return useMutation({
    mutationFn: (id: string) =>
      sdk.client.fetch<AdminShipmentResponse>(`/admin/shipments/${id}/deliver`, { method: "POST" }),
    onSuccess: invalidate,
  })
}

export function useCancelShipment(orderId: string) {
  const invalidate = useInvalidateShipments(orderId)
  return useMutation({
    mutationFn: (id: string) =>
      sdk.client.fetch<AdminShipmentResponse>(`/admin/shipments/${id}/cancel`, { method: "POST" }),
    onSuccess: invalidate,
  })
}
