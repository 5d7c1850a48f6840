import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query"
import { sdk } from "../lib/sdk"
import type {
  AdminLabelBatchesResponse,
  AdminLabelBatchResponse,
  LabelBatchFormat,
  LabelBatchRule,
} from "../../types/label-batch"
import type { CarrierCode } from "../../types/label"
import { orderOpsKeys } from "./order-ops"

/** Query keys for label batches. */
export const labelBatchKeys = {
  all: ["order-ops", "label-batches"] as const,
  list: () => [...labelBatchKeys.all, "list"] as const,
  detail: (id: string) => [...labelBatchKeys.all, id] as const,
}

/** Poll while a batch is waiting or running, so its progress moves on screen. */
const PROGRESS_POLL_MS = 1500

/** The body of `POST /admin/order-ops/label-batches`. */
export type AdminCreateLabelBatchBody = {
  order_ids?: string[]
  filters?: Record<string, string | string[]>
  include_test_orders?: boolean
  parcel_template_id: string
  rule: LabelBatchRule
  carriers?: CarrierCode[]
  label_format: LabelBatchFormat
}

/** Recent batches and the carriers the drawer offers. */
export function useLabelBatches(enabled = true) {
  return useQuery({
    queryKey: labelBatchKeys.list(),
    queryFn: () => sdk.client.fetch<AdminLabelBatchesResponse>(`/admin/order-ops/label-batches?limit=5`),
    enabled,
  })
}

/** Queues a label batch for the worker. */
export function useCreateLabelBatch() {
  const client = useQueryClient()
  return useMutation({
    mutationFn: (body: AdminCreateLabelBatchBody) =>
      sdk.client.fetch<AdminLabelBatchResponse>(`/admin/order-ops/label-batches`, { method: "POST", body }),
    onSuccess: () => client.invalidateQueries({ queryKey: labelBatchKeys.list() }),
  })
}

/** A label batch, polled until it is finished; once completed the Order operations list is refreshed (orders shipped). */
export function useLabelBatch(id: string | null) {
  const client = useQueryClient()
  return useQuery({
    queryKey: labelBatchKeys.detail(id ?? ""),
    queryFn: async () => {
      const res = await sdk.client.fetch<AdminLabelBatchResponse>(`/admin/order-ops/label-batches/${id}`)
      if (res.label_batch.status === "completed") {
        void client.invalidateQueries({ queryKey: orderOpsKeys.all })
      }
      return res
    },
    enabled: !!id,
    refetchInterval: (query) => {
      const status = query.state.data?.label_batch.status
      return status === "pending" || status === "running" ? PROGRESS_POLL_MS : false
    },
  })
}

/** Stops a waiting or running batch (labels already bought stay bought). */
export function useCancelLabelBatch() {
  const client = useQueryClient()
  return useMutation({
    mutationFn: (id: string) =>
      sdk.client.fetch<AdminLabelBatchResponse>(`/admin/order-ops/label-batches/${id}/cancel`, { method: "POST" }),
    onSuccess: (res) => client.invalidateQueries({ queryKey: labelBatchKeys.detail(res.label_batch.id) }),
  })
}
