import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query"
import {
  IN_FLIGHT,
  type AdminCompleteDigitalOrderBody,
  type AdminCompleteDigitalOrderResponse,
  type AdminDeliveryMethodsResponse,
  type AdminDeliveryProductBody,
  type AdminDeliveryProductResponse,
  type AdminDeliveryProductsResponse,
  type AdminDeliveryResponse,
  type AdminImportLicenseCodesResponse,
  type AdminLicenseCodesResponse,
  type AdminLicensePoolBody,
  type AdminLicensePoolResponse,
  type AdminLicensePoolsResponse,
  type AdminMarkDeliveredBody,
  type AdminOrderDeliveriesResponse,
  type AdminResendDeliveryResponse,
  type LicenseCodeStatus,
} from "../lib/digital-delivery"
import { sdk } from "../lib/sdk"
import { orderTimelineKeys } from "./order-timeline"

/** Query keys for digital delivery: an order's deliveries, delivery products, license pools and their codes. */
export const digitalDeliveryKeys = {
  all: ["order-ops", "digital-delivery"] as const,
  order: (orderId: string) => [...digitalDeliveryKeys.all, "order", orderId] as const,
  products: () => [...digitalDeliveryKeys.all, "products"] as const,
  methods: () => [...digitalDeliveryKeys.all, "methods"] as const,
  pools: () => [...digitalDeliveryKeys.all, "pools"] as const,
  codes: (poolId: string, status: LicenseCodeStatus | "all", offset: number) =>
    [...digitalDeliveryKeys.all, "pools", poolId, "codes", status, offset] as const,
  variantSearch: (q: string) => [...digitalDeliveryKeys.all, "variant-search", q] as const,
}

const POLL_MS = 5000

/**
 * The order's deliveries; polls every 5 s while a delivery is pending or
 * awaiting its recipient, and — with `awaitFirst`, for a fresh order whose
 * payment may be captured any moment — while there are none yet.
 */
/** How long after the last delivery the admin watches for the order to complete itself. */
const AUTO_COMPLETE_WATCH_MS = 2 * 60 * 1000

/**
 * Everything was just delivered and the order completes itself (a subscriber
 * does it moments later): keep looking, briefly, so the page shows it.
 */
function awaitingAutoComplete(data: AdminOrderDeliveriesResponse): boolean {
  if (!data.auto_complete || ["completed", "canceled", "archived"].includes(data.order_status)) return false
  if (!data.deliveries.every((d) => d.status === "delivered")) return false
  const last = Math.max(...data.deliveries.map((d) => (d.delivered_at ? new Date(d.delivered_at).getTime() : 0)))
  return Date.now() - last < AUTO_COMPLETE_WATCH_MS
}

export function useOrderDeliveries(orderId: string, options: { awaitFirst?: boolean } = {}) {
  return useQuery({
    queryKey: digitalDeliveryKeys.order(orderId),
    queryFn: () => sdk.client.fetch<AdminOrderDeliveriesResponse>(`/admin/orders/${orderId}/deliveries`),
    refetchInterval: (query) => {
      const data = query.state.data
      if (!data) return false
      const { deliveries } = data
      if (deliveries.length === 0) return options.awaitFirst ? POLL_MS : false
      if (deliveries.some((d) => IN_FLIGHT.includes(d.status))) return POLL_MS
      return awaitingAutoComplete(data) ? POLL_MS : false
    },
  })
}

/** After an action on an order's deliveries: the deliveries, the timeline, and Medusa's order (its status). */
function useInvalidateOrder(orderId: string) {
  const client = useQueryClient()
  return () =>
    Promise.all([
      client.invalidateQueries({ queryKey: digitalDeliveryKeys.order(orderId) }),
      client.invalidateQueries({ queryKey: orderTimelineKeys.order(orderId) }),
      client.invalidateQueries({ queryKey: ["orders"] }),
    ])
}

export function useRetryDelivery(orderId: string) {
  const invalidate = useInvalidateOrder(orderId)
  return useMutation({
    mutationFn: (id: string) =>
      sdk.client.fetch<AdminDeliveryResponse>(`/admin/deliveries/${id}/retry`, { method: "POST" }),
    onSettled: invalidate,
  })
}

/** Closes an owed revoke that keeps failing at the outside service (a person dealt with it). */
export function useCloseOwedRevoke(orderId: string) {
  const invalidate = useInvalidateOrder(orderId)
  return useMutation({
    mutationFn: (id: string) =>
      sdk.client.fetch<AdminDeliveryResponse>(`/admin/deliveries/${id}/close-revoke`, { method: "POST" }),
    onSettled: invalidate,
  })
}

export function useMarkDeliveryDelivered(orderId: string) {
  const invalidate = useInvalidateOrder(orderId)
  return useMutation({
    mutationFn: ({ id, ...body }: AdminMarkDeliveredBody & { id: string }) =>
      sdk.client.fetch<AdminDeliveryResponse>(`/admin/deliveries/${id}/mark-delivered`, { method: "POST", body }),
    onSuccess: invalidate,
  })
}

export function useCompleteDigitalOrder(orderId: string) {
  const invalidate = useInvalidateOrder(orderId)
  return useMutation({
    mutationFn: (body: AdminCompleteDigitalOrderBody) =>
      sdk.client.fetch<AdminCompleteDigitalOrderResponse>(`/admin/orders/${orderId}/deliveries/complete`, {
        method: "POST",
        body,
      }),
    onSuccess: invalidate,
  })
}

export function useResendDeliveryInstructions(orderId: string) {
  const invalidate = useInvalidateOrder(orderId)
  return useMutation({
    mutationFn: () =>
      sdk.client.fetch<AdminResendDeliveryResponse>(`/admin/orders/${orderId}/deliveries/resend`, { method: "POST" }),
    onSuccess: invalidate,
  })
}

/** The delivery methods and their settings fields, from the server's one registry (they change only with a deploy). */
export function useDeliveryMethods() {
  return useQuery({
    queryKey: digitalDeliveryKeys.methods(),
    queryFn: () => sdk.client.fetch<AdminDeliveryMethodsResponse>(`/admin/delivery-methods`),
    staleTime: Infinity,
  })
}

export function useDeliveryProducts() {
  return useQuery({
    queryKey: digitalDeliveryKeys.products(),
    queryFn: () => sdk.client.fetch<AdminDeliveryProductsResponse>(`/admin/delivery-products`),
  })
}

function useInvalidateProducts() {
  const client = useQueryClient()
  return () => client.invalidateQueries({ queryKey: digitalDeliveryKeys.products() })
}

export function useCreateDeliveryProduct() {
  const invalidate = useInvalidateProducts()
  return useMutation({
    mutationFn: (body: AdminDeliveryProductBody) =>
      sdk.client.fetch<AdminDeliveryProductResponse>(`/admin/delivery-products`, { method: "POST", body }),
    onSuccess: invalidate,
  })
}

export function useUpdateDeliveryProduct() {
  const invalidate = useInvalidateProducts()
  return useMutation({
    mutationFn: ({ id, ...body }: AdminDeliveryProductBody & { id: string }) =>
      sdk.client.fetch<AdminDeliveryProductResponse>(`/admin/delivery-products/${id}`, { method: "POST", body }),
    onSuccess: invalidate,
  })
}

export function useDeleteDeliveryProduct() {
  const invalidate = useInvalidateProducts()
  return useMutation({
    mutationFn: (id: string) =>
      sdk.client.fetch<{ id: string; deleted: boolean }>(`/admin/delivery-products/${id}`, { method: "DELETE" }),
    onSuccess: invalidate,
  })
}

export type VariantSearchProduct = {
  id: string
  title: string
  variants: { id: string; title: string | null; sku: string | null }[] | null
}

/** Products matching a search with their variants, for the delivery product's variant picker. */
export function useVariantSearch(q: string) {
  return useQuery({
    queryKey: digitalDeliveryKeys.variantSearch(q),
    queryFn: () =>
      sdk.client.fetch<{ products: VariantSearchProduct[] }>(`/admin/products`, {
        query: { q: q || undefined, limit: 10, fields: "id,title,variants.id,variants.title,variants.sku" },
      }),
    placeholderData: keepPreviousData,
  })
}

/** Uploads files through Medusa's file module: `{ files: [{ id, url }] }`. */
export function useUploadFiles() {
  return useMutation({
    mutationFn: (files: File[]) => sdk.admin.upload.create({ files }),
  })
}

export function useLicensePools() {
  return useQuery({
    queryKey: digitalDeliveryKeys.pools(),
    queryFn: () => sdk.client.fetch<AdminLicensePoolsResponse>(`/admin/license-pools`),
  })
}

/** Pools and their codes (counts change with every import). */
function useInvalidatePools() {
  const client = useQueryClient()
  return () => client.invalidateQueries({ queryKey: digitalDeliveryKeys.pools() })
}

export function useCreateLicensePool() {
  const invalidate = useInvalidatePools()
  return useMutation({
    mutationFn: (body: AdminLicensePoolBody) =>
      sdk.client.fetch<AdminLicensePoolResponse>(`/admin/license-pools`, { method: "POST", body }),
    onSuccess: invalidate,
  })
}

export function useUpdateLicensePool() {
  const invalidate = useInvalidatePools()
  return useMutation({
    mutationFn: ({ id, ...body }: AdminLicensePoolBody & { id: string }) =>
      sdk.client.fetch<AdminLicensePoolResponse>(`/admin/license-pools/${id}`, { method: "POST", body }),
    onSuccess: invalidate,
  })
}

export function useDeleteLicensePool() {
  const invalidate = useInvalidatePools()
  return useMutation({
    mutationFn: (id: string) =>
      sdk.client.fetch<{ id: string; deleted: boolean }>(`/admin/license-pools/${id}`, { method: "DELETE" }),
    onSuccess: invalidate,
  })
}

export const CODES_PAGE_SIZE = 20

/** A page of a pool's codes, newest first, optionally of one status. */
export function useLicenseCodes(poolId: string, status: LicenseCodeStatus | "all", offset: number) {
  return useQuery({
    queryKey: digitalDeliveryKeys.codes(poolId, status, offset),
    queryFn: () =>
      sdk.client.fetch<AdminLicenseCodesResponse>(`/admin/license-pools/${poolId}/codes`, {
        query: { status: status === "all" ? undefined : status, limit: CODES_PAGE_SIZE, offset },
      }),
    placeholderData: keepPreviousData,
  })
}

/** Imports pasted codes or a CSV/text file's content (one code per line, or the first column). */
export function useImportLicenseCodes(poolId: string) {
  const invalidate = useInvalidatePools()
  return useMutation({
    mutationFn: (codes: string) =>
      sdk.client.fetch<AdminImportLicenseCodesResponse>(`/admin/license-pools/${poolId}/codes`, {
        method: "POST",
        body: { codes },
      }),
    onSuccess: invalidate,
  })
}
