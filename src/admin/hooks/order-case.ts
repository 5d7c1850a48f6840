import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query"
import { sdk } from "../lib/sdk"
import type { AdminOrderCase, AdminOrderLabelDefinition } from "../../types/order-case"
import { dashboardOrderKeys, orderOpsKeys, orderStatusKeys } from "./order-ops"

/** Query keys for holds, labels and disputes. */
export const orderCaseKeys = {
  all: ["order-ops", "order-case"] as const,
  order: (orderId: string) => [...orderCaseKeys.all, "order", orderId] as const,
  labels: ["order-ops", "order-labels"] as const,
}

type CaseResponse = { case: AdminOrderCase }

/** The order's hold, label and disputes. */
export function useOrderCase(orderId: string) {
  return useQuery({
    queryKey: orderCaseKeys.order(orderId),
    queryFn: () => sdk.client.fetch<CaseResponse>(`/admin/orders/${orderId}/case`),
  })
}

/** The merchant's order labels (settings). */
export function useOrderLabels() {
  return useQuery({
    queryKey: orderCaseKeys.labels,
    queryFn: () => sdk.client.fetch<{ order_labels: AdminOrderLabelDefinition[] }>("/admin/order-labels"),
  })
}

function useInvalidateCase(orderId?: string) {
  const client = useQueryClient()
  return () =>
    Promise.all([
      client.invalidateQueries({ queryKey: orderId ? orderCaseKeys.order(orderId) : orderCaseKeys.all }),
      client.invalidateQueries({ queryKey: orderOpsKeys.all }),
      client.invalidateQueries({ queryKey: orderStatusKeys.all }),
      client.invalidateQueries({ queryKey: ["order-ops", "timeline"] }),
      client.invalidateQueries({ queryKey: ["order-ops", "exceptions"] }),
      ...(orderId ? [client.invalidateQueries({ queryKey: dashboardOrderKeys.detail(orderId) })] : []),
    ])
}

/** Puts the order on hold. */
export function usePlaceHold(orderId: string) {
  const invalidate = useInvalidateCase(orderId)
  return useMutation({
    mutationFn: (body: { reason: string; note?: string | null }) =>
      sdk.client.fetch<CaseResponse>(`/admin/orders/${orderId}/hold`, { method: "POST", body }),
    onSuccess: invalidate,
  })
}

/** Releases the order's hold. */
export function useReleaseHold(orderId: string) {
  const invalidate = useInvalidateCase(orderId)
  return useMutation({
    mutationFn: (body: { note?: string | null }) =>
      sdk.client.fetch<CaseResponse>(`/admin/orders/${orderId}/release`, { method: "POST", body }),
    onSuccess: invalidate,
  })
}

/** Sets or clears the order's label. */
export function useSetOrderLabel(orderId: string) {
  const invalidate = useInvalidateCase(orderId)
  return useMutation({
    mutationFn: (body: { label_id: string | null; reference?: string | null; notify_customer?: boolean }) =>
      sdk.client.fetch<CaseResponse>(`/admin/orders/${orderId}/order-label`, { method: "POST", body }),
    onSuccess: invalidate,
  })
}

/** Creates, updates or deletes a label definition. */
export function useSaveOrderLabel() {
  const client = useQueryClient()
  return useMutation({
    mutationFn: (input: { id?: string; name: string; color: string; customer_visible: boolean }) => {
      const { id, ...body } = input
      return sdk.client.fetch<{ order_label: AdminOrderLabelDefinition }>(
        id ? `/admin/order-labels/${id}` : "/admin/order-labels",
        { method: "POST", body }
      )
    },
    onSuccess: () => client.invalidateQueries({ queryKey: orderCaseKeys.labels }),
  })
}

export function useDeleteOrderLabel() {
  const client = useQueryClient()
  return useMutation({
    mutationFn: (id: string) => sdk.client.fetch(`/admin/order-labels/${id}`, { method: "DELETE" }),
    onSuccess: () => client.invalidateQueries({ queryKey: orderCaseKeys.labels }),
  })
}

/** Records a dispute on the order. */
export function useCreateDispute(orderId: string) {
  const invalidate = useInvalidateCase(orderId)
  return useMutation({
    mutationFn: (body: { amount: number; reason: string; evidence_due_by?: string | null; notes?: string | null }) =>
      sdk.client.fetch(`/admin/orders/${orderId}/disputes`, { method: "POST", body }),
    onSuccess: invalidate,
  })
}

/** Moves a dispute or edits it. */
export function useUpdateDispute(orderId: string) {
  const invalidate = useInvalidateCase(orderId)
  return useMutation({
    mutationFn: ({ id, ...body }: { id: string; status?: string; notes?: string | null }) =>
      sdk.client.fetch(`/admin/disputes/${id}`, { method: "POST", body }),
    onSuccess: invalidate,
  })
}
