/** An outgoing webhook endpoint as the API shows it (never its secrets). */
export type WebhookEndpointDTO = {
  id: string
  url: string
  description: string | null
  events: string[]
  enabled: boolean
  include_test_orders: boolean
  disabled_reason: string | null
  failing_since: string | Date | null
  max_in_flight: number
  /** True while a rotated-out secret still signs beside the new one. */
  rotation_in_progress: boolean
  created_at: string | Date
  updated_at: string | Date
}

/** One attempt of a delivery, as the delivery log shows it. */
export type WebhookAttemptDTO = {
  id: string
  attempt: number
  status_code: number | null
  duration_ms: number
  response_body: string | null
  error: string | null
  outcome: "succeeded" | "retry" | "failed"
  created_at: string | Date
}

/** One message to one endpoint; `id` is its `webhook-id`. */
export type WebhookDeliveryDTO = {
  id: string
  endpoint_id: string
  event_id: string
  event_type: string
  status: "pending" | "succeeded" | "failed"
  attempt_count: number
  next_attempt_at: string | Date | null
  last_status_code: number | null
  last_error: string | null
  delivered_at: string | Date | null
  created_at: string | Date
  attempts?: WebhookAttemptDTO[]
}

/** An event type of the catalogue, with its JSON Schema. */
export type WebhookEventTypeDTO = { type: string; version: number; description: string; schema: unknown }

/** `POST /admin/order-ops/webhooks` and rotation answers: the secret, shown this once. */
export type AdminWebhookEndpointWithSecretResponse = { webhook_endpoint: WebhookEndpointDTO; secret: string | null }
export type AdminWebhookEndpointResponse = { webhook_endpoint: WebhookEndpointDTO }
export type AdminWebhookEndpointListResponse = { webhook_endpoints: WebhookEndpointDTO[]; count: number }
export type AdminWebhookDeliveryListResponse = { deliveries: WebhookDeliveryDTO[]; count: number; limit: number; offset: number }
export type AdminWebhookEventTypesResponse = { event_types: WebhookEventTypeDTO[] }

/** Settings → Notifications as the API returns it (kinds: see the settings module's registry). */
export type NotificationSettingsDTO = {
  customer: Record<string, { label: string; enabled: boolean; template: string }>
  staff: Record<string, { label: string; enabled: boolean; template: string; recipients: string[] }>
}
export type AdminNotificationSettingsResponse = { settings: NotificationSettingsDTO }
