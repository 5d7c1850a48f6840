import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query"
import { sdk } from "../lib/sdk"
import type { AdminOrderNote, AdminOrderNotesResponse } from "../lib/types"
import { orderTimelineKeys } from "./order-timeline"

/** Query keys for notes; mutations invalidate the order's list and timeline. */
export const orderNoteKeys = {
  all: ["order-ops", "notes"] as const,
  list: (orderId: string) => [...orderNoteKeys.all, "list", orderId] as const,
}

export function useOrderNotes(orderId: string) {
  return useQuery({
    queryKey: orderNoteKeys.list(orderId),
    queryFn: () =>
      sdk.client.fetch<AdminOrderNotesResponse>(`/admin/orders/${orderId}/notes`, {
        query: { limit: 200 },
      }),
  })
}

function useInvalidateNotes(orderId: string) {
  const client = useQueryClient()
  return () =>
    Promise.all([
      client.invalidateQueries({ queryKey: orderNoteKeys.list(orderId) }),
      client.invalidateQueries({ queryKey: orderTimelineKeys.order(orderId) }),
    ])
}

export function useCreateOrderNote(orderId: string) {
  const invalidate = useInvalidateNotes(orderId)
  return useMutation({
    mutationFn: (body: { body: string; visible_to_customer: boolean }) =>
      sdk.client.fetch<{ note: AdminOrderNote }>(`/admin/orders/${orderId}/notes`, {
        method: "POST",
        body,
      }),
    onSuccess: invalidate,
  })
}

export function useUpdateOrderNote(orderId: string) {
  const invalidate = useInvalidateNotes(orderId)
  return useMutation({
    mutationFn: ({ id, ...body }: { id: string; body?: string; visible_to_customer?: boolean }) =>
      sdk.client.fetch<{ note: AdminOrderNote }>(`/admin/orders/${orderId}/notes/${id}`, {
        method: "POST",
        body,
      }),
    onSuccess: invalidate,
  })
}

export function useDeleteOrderNote(orderId: string) {
  const invalidate = useInvalidateNotes(orderId)
  return useMutation({
    mutationFn: (id: string) =>
      sdk.client.fetch<{ id: string; deleted: boolean }>(`/admin/orders/${orderId}/notes/${id}`, {
        method: "DELETE",
      }),
    onSuccess: invalidate,
  })
}
