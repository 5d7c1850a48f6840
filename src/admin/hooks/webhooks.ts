import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query"
import { sdk } from "../lib/sdk"
import type {
  AdminNotificationSettingsResponse,
  AdminWebhookDeliveryListResponse,
  AdminWebhookEndpointListResponse,
  AdminWebhookEndpointWithSecretResponse,
  AdminWebhookEventTypesResponse,
  NotificationSettingsDTO,
} from "../../types/webhooks"

/** Query keys for webhooks and notification settings. */
export const webhookKeys = {
  all: ["order-ops", "webhooks"] as const,
  list: () => [...webhookKeys.all, "list"] as const,
  events: () => [...webhookKeys.all, "events"] as const,
  deliveries: (id: string) => [...webhookKeys.all, "deliveries", id] as const,
  settings: ["order-ops", "notification-settings"] as const,
}

export function useWebhookEndpoints() {
  return useQuery({
    queryKey: webhookKeys.list(),
    queryFn: () => sdk.client.fetch<AdminWebhookEndpointListResponse>(`/admin/order-ops/webhooks`),
  })
}

export function useWebhookEventTypes() {
  return useQuery({
    queryKey: webhookKeys.events(),
    queryFn: () => sdk.client.fetch<AdminWebhookEventTypesResponse>(`/admin/order-ops/webhooks/events`),
  })
}

/** The delivery log; refreshes every few seconds while something is pending. */
export function useWebhookDeliveries(endpointId: string | null) {
  return useQuery({
    queryKey: webhookKeys.deliveries(endpointId ?? ""),
    enabled: !!endpointId,
    queryFn: () => sdk.client.fetch<AdminWebhookDeliveryListResponse>(`/admin/order-ops/webhooks/${endpointId}/deliveries`),
    refetchInterval: (q) => (q.state.data?.deliveries.some((d) => d.status === "pending") ? 2000 : false),
  })
}

export type WebhookEndpointBody = {
  url: string
  description?: string | null
  events: string[]
  include_test_orders?: boolean
  enabled?: boolean
}

export function useCreateWebhookEndpoint() {
  const client = useQueryClient()
  return useMutation({
    mutationFn: (body: WebhookEndpointBody) =>
      sdk.client.fetch<AdminWebhookEndpointWithSecretResponse>(`/admin/order-ops/webhooks`, { method: "POST", body }),
    onSuccess: () => client.invalidateQueries({ queryKey: webhookKeys.all }),
  })
}

export function useUpdateWebhookEndpoint() {
  const client = useQueryClient()
  return useMutation({
    mutationFn: ({ id, ...body }: Partial<WebhookEndpointBody> & { id: string; rotate_secret?: boolean }) =>
      sdk.client.fetch<AdminWebhookEndpointWithSecretResponse>(`/admin/order-ops/webhooks/${id}`, { method: "POST", body }),
    onSuccess: () => client.invalidateQueries({ queryKey: webhookKeys.all }),
  })
}

export function useDeleteWebhookEndpoint() {
  const client = useQueryClient()
  return useMutation({
    mutationFn: (id: string) => sdk.client.fetch(`/admin/order-ops/webhooks/${id}`, { method: "DELETE" }),
    onSuccess: () => client.invalidateQueries({ queryKey: webhookKeys.all }),
  })
}

export function useSendTestWebhook() {
  const client = useQueryClient()
  return useMutation({
    mutationFn: (id: string) => sdk.client.fetch(`/admin/order-ops/webhooks/${id}/test`, { method: "POST" }),
    onSuccess: (_d, id) => client.invalidateQueries({ queryKey: webhookKeys.deliveries(id) }),
  })
}

export function useResendWebhookDelivery() {
  const client = useQueryClient()
  return useMutation({
    mutationFn: ({ endpointId, deliveryId }: { endpointId: string; deliveryId: string }) =>
      sdk.client.fetch(`/admin/order-ops/webhooks/${endpointId}/deliveries/${deliveryId}/resend`, { method: "POST" }),
    onSuccess: (_d, v) => client.invalidateQueries({ queryKey: webhookKeys.deliveries(v.endpointId) }),
  })
}

export function useReplayWebhookDeliveries() {
  const client = useQueryClient()
  return useMutation({
    mutationFn: ({ endpointId, since }: { endpointId: string; since: string }) =>
      sdk.client.fetch<{ requeued: string[] }>(`/admin/order-ops/webhooks/${endpointId}/replay`, { method: "POST", body: { since } }),
    onSuccess: (_d, v) => client.invalidateQueries({ queryKey: webhookKeys.deliveries(v.endpointId) }),
  })
}

export function useNotificationSettings() {
  return useQuery({
    queryKey: webhookKeys.settings,
    queryFn: () => sdk.client.fetch<AdminNotificationSettingsResponse>(`/admin/order-ops/settings/notifications`),
  })
}

export function useSaveNotificationSettings() {
  const client = useQueryClient()
  return useMutation({
    mutationFn: (body: Partial<NotificationSettingsDTO>) =>
      sdk.client.fetch<AdminNotificationSettingsResponse>(`/admin/order-ops/settings/notifications`, { method: "POST", body }),
    onSuccess: () => client.invalidateQueries({ queryKey: webhookKeys.settings }),
  })
}
