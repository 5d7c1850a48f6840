import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query"
import { sdk } from "../lib/sdk"
import type {
  AdminCreateOrderExportBody,
  AdminOrderExportResponse,
  AdminOrderExportsResponse,
  AdminOrderInvoice,
  AdminOrderInvoiceResponse,
  AdminPackingSlipBatchResponse,
} from "../lib/order-document-types"

/** Query keys for exports; creating or canceling one invalidates `all`. */
export const orderExportKeys = {
  all: ["order-ops", "exports"] as const,
  list: (limit: number) => [...orderExportKeys.all, "list", limit] as const,
}

/** Poll while an export is waiting or running, so its progress moves on screen. */
const PROGRESS_POLL_MS = 1500

/** Recent exports, newest first; refreshed while any is still in progress. */
export function useOrderExports(limit = 10, enabled = true) {
  return useQuery({
    queryKey: orderExportKeys.list(limit),
    queryFn: () => sdk.client.fetch<AdminOrderExportsResponse>(`/admin/order-ops/exports?limit=${limit}`),
    enabled,
    refetchInterval: (query) =>
      query.state.data?.exports.some((e) => e.status === "pending" || e.status === "running") ? PROGRESS_POLL_MS : false,
  })
}

/** Queues an export. */
export function useCreateOrderExport() {
  const client = useQueryClient()
  return useMutation({
    mutationFn: (body: AdminCreateOrderExportBody) =>
      sdk.client.fetch<AdminOrderExportResponse>("/admin/order-ops/exports", { method: "POST", body }),
    onSuccess: () => client.invalidateQueries({ queryKey: orderExportKeys.all }),
  })
}

/** Cancels a waiting or running export. */
export function useCancelOrderExport() {
  const client = useQueryClient()
  return useMutation({
    mutationFn: (id: string) =>
      sdk.client.fetch<AdminOrderExportResponse>(`/admin/order-ops/exports/${id}/cancel`, { method: "POST" }),
    onSuccess: () => client.invalidateQueries({ queryKey: orderExportKeys.all }),
  })
}

/** Query keys for bulk packing-slip jobs. */
export const packingSlipBatchKeys = {
  all: ["order-ops", "packing-slips"] as const,
  detail: (id: string) => [...packingSlipBatchKeys.all, id] as const,
}

/** Queues one merged packing-slip PDF for the selected orders (or all matching the filters). */
export function useCreatePackingSlipBatch() {
  return useMutation({
    mutationFn: (body: Omit<AdminCreateOrderExportBody, "format" | "shape" | "columns">) =>
      sdk.client.fetch<AdminPackingSlipBatchResponse>("/admin/order-ops/packing-slips", { method: "POST", body }),
  })
}

/** A bulk packing-slip job, polled until it is finished. */
export function usePackingSlipBatch(id: string | null) {
  return useQuery({
    queryKey: packingSlipBatchKeys.detail(id ?? ""),
    queryFn: () => sdk.client.fetch<AdminPackingSlipBatchResponse>(`/admin/order-ops/packing-slips/${id}`),
    enabled: !!id,
    refetchInterval: (query) => {
      const status = query.state.data?.job.status
      return status === "pending" || status === "running" ? PROGRESS_POLL_MS : false
    },
  })
}

/** Query keys for an order's invoice. */
export const orderInvoiceKeys = {
  order: (orderId: string) => ["order-ops", "invoice", orderId] as const,
}

/** The order's invoice with its credit notes, or null when none was issued (the API answers 404). */
export function useOrderInvoice(orderId: string) {
  return useQuery({
    queryKey: orderInvoiceKeys.order(orderId),
    queryFn: async () => {
      try {
        return await sdk.client.fetch<AdminOrderInvoiceResponse>(`/admin/orders/${orderId}/invoice`)
      } catch (e) {
        if ((e as { status?: number }).status === 404) return null
        throw e
      }
    },
  })
}

/** Issues the order's invoice (or gets the one it has). */
export function useIssueInvoice(orderId: string) {
  const client = useQueryClient()
  return useMutation({
    mutationFn: () => sdk.client.fetch<AdminOrderInvoiceResponse>(`/admin/orders/${orderId}/invoice`, { method: "POST" }),
    onSuccess: () => client.invalidateQueries({ queryKey: orderInvoiceKeys.order(orderId) }),
  })
}

/** Emails the order's invoice to the customer (issuing it first if needed); one key per click. */
export function useSendInvoice(orderId: string) {
  const client = useQueryClient()
  return useMutation({
    mutationFn: (idempotencyKey: string) =>
      sdk.client.fetch<{ invoice: AdminOrderInvoice; sent: boolean; notification_id: string | null }>(`/admin/orders/${orderId}/invoice/send`, {
        method: "POST",
        body: { idempotency_key: idempotencyKey },
      }),
    onSuccess: () => client.invalidateQueries({ queryKey: orderInvoiceKeys.order(orderId) }),
  })
}

/** Query keys for bulk order actions (issue invoices, mark as shipped). */
export const bulkOrderActionKeys = {
  all: ["order-ops", "bulk"] as const,
  detail: (id: string) => [...bulkOrderActionKeys.all, id] as const,
}

/** Queues a bulk order action for the selected orders (or all matching the filters). */
export function useCreateBulkOrderAction(path: "issue-invoices" | "mark-shipped") {
  return useMutation({
    mutationFn: (body: Omit<AdminCreateOrderExportBody, "format" | "shape" | "columns">) =>
      sdk.client.fetch<AdminPackingSlipBatchResponse>(`/admin/order-ops/bulk/${path}`, { method: "POST", body }),
  })
}

/** A bulk order action, polled until it is finished; its `result` lists each order's outcome. */
export function useBulkOrderAction(id: string | null) {
  return useQuery({
    queryKey: bulkOrderActionKeys.detail(id ?? ""),
    queryFn: () => sdk.client.fetch<AdminPackingSlipBatchResponse>(`/admin/order-ops/bulk/${id}`),
    enabled: !!id,
    refetchInterval: (query) => {
      const status = query.state.data?.job.status
      return status === "pending" || status === "running" ? PROGRESS_POLL_MS : false
    },
  })
}
