import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query"
import { sdk } from "../lib/sdk"
import type {
  AdminBuyLabelBody,
  AdminBuyLabelResponse,
  AdminLabelDefaults,
  AdminLabelResponse,
  AdminOrderLabelsResponse,
  AdminRatesBody,
  AdminRatesResponse,
  AdminVoidLabelResponse,
} from "../lib/types"
import { useInvalidateShipments } from "./shipments"

/** Query keys for carrier labels. */
export const labelKeys = {
  all: ["order-ops", "labels"] as const,
  defaults: (orderId: string) => [...labelKeys.all, "defaults", orderId] as const,
  order: (orderId: string) => [...labelKeys.all, "order", orderId] as const,
  detail: (id: string) => [...labelKeys.all, "detail", id] as const,
}

/**
 * Where a label file is served: same origin as the admin, so the browser's
 * session cookie authenticates the new tab.
 */
export function labelFileUrl(labelId: string): string {
  const base = (import.meta.env.VITE_BACKEND_URL || "").replace(/\/+$/, "")
  return `${base}/admin/labels/${encodeURIComponent(labelId)}/file`
}

/** Suggested addresses, parcel templates, carriers and formats for the carrier drawer. */
export function useLabelDefaults(orderId: string, enabled = true) {
  return useQuery({
    queryKey: labelKeys.defaults(orderId),
    queryFn: () => sdk.client.fetch<AdminLabelDefaults>(`/admin/orders/${orderId}/label-defaults`),
    enabled,
    // The drawer edits a copy of these; a background refetch must not reset the form.
    refetchOnWindowFocus: false,
  })
}

/** Every label bought (or attempted) for the order. */
export function useOrderLabels(orderId: string) {
  return useQuery({
    queryKey: labelKeys.order(orderId),
    queryFn: () => sdk.client.fetch<AdminOrderLabelsResponse>(`/admin/orders/${orderId}/labels`),
  })
}

/** Quotes from every carrier asked; a carrier that fails shows up in `errors`, the others still quote. */
export function useGetRates(orderId: string) {
  return useMutation({
    mutationFn: (body: AdminRatesBody) =>
      sdk.client.fetch<AdminRatesResponse>(`/admin/orders/${orderId}/rates`, { method: "POST", body }),
  })
}

/** Everything a label change moves: the shipments, the order's status and timeline, and the label lists. */
function useInvalidateLabels(orderId: string) {
  const client = useQueryClient()
  const invalidateShipments = useInvalidateShipments(orderId)
  return () =>
    Promise.all([
      invalidateShipments(),
      client.invalidateQueries({ queryKey: labelKeys.order(orderId) }),
      client.invalidateQueries({ queryKey: [...labelKeys.all, "detail"] }),
    ])
}

/** Buys the label for a chosen rate; the idempotency key makes a repeat of the same request buy once. */
export function useBuyLabel(orderId: string) {
  const invalidate = useInvalidateLabels(orderId)
  return useMutation({
    mutationFn: (body: AdminBuyLabelBody) =>
      sdk.client.fetch<AdminBuyLabelResponse>(`/admin/orders/${orderId}/labels`, { method: "POST", body }),
    onSuccess: invalidate,
  })
}

/** Voids a label (and cancels its shipment); the carrier refunds it later. */
export function useVoidLabel(orderId: string) {
  const invalidate = useInvalidateLabels(orderId)
  return useMutation({
    mutationFn: (labelId: string) =>
      sdk.client.fetch<AdminVoidLabelResponse>(`/admin/labels/${labelId}/void`, { method: "POST" }),
    onSuccess: invalidate,
  })
}

/** Asks the carrier now where a voided label's refund stands. */
export function useCheckLabelRefund(orderId: string) {
  const invalidate = useInvalidateLabels(orderId)
  return useMutation({
    mutationFn: (labelId: string) =>
      sdk.client.fetch<AdminLabelResponse>(`/admin/labels/${labelId}/refund-status`, { method: "POST" }),
    onSuccess: invalidate,
  })
}
