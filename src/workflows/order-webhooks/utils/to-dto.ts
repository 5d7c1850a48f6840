import type { WebhookEndpointDTO } from "../../../types/webhooks"

/** An endpoint row as the API shows it: every secret left out. */
export function toWebhookEndpointDTO(row: Record<string, unknown>, now = new Date()): WebhookEndpointDTO {
  const expires = row.previous_secret_expires_at ? new Date(row.previous_secret_expires_at as string) : null
  return {
    id: row.id as string,
    url: row.url as string,
    description: (row.description as string | null) ?? null,
    events: (row.events as string[]) ?? [],
    enabled: !!row.enabled,
    include_test_orders: !!row.include_test_orders,
    disabled_reason: (row.disabled_reason as string | null) ?? null,
    failing_since: (row.failing_since as Date | null) ?? null,
    max_in_flight: Number(row.max_in_flight ?? 2),
    rotation_in_progress: !!row.previous_secret && !!expires && expires > now,
    created_at: row.created_at as Date,
    updated_at: row.updated_at as Date,
  }
}
