/**
 * Delivery methods behind one interface. A method does one attempt and says
 * what happened; retries, state and idempotency bookkeeping live in the
 * module's tables and workflows, never in memory.
 */

export const DELIVERY_METHODS = ["download", "license_code", "webhook", "rcon", "discord_role"] as const
export type DeliveryMethodCode = (typeof DELIVERY_METHODS)[number]
/** The methods that talk to a service outside the store (dry runs for test orders; limited per target in a sweep). */
export const REMOTE_DELIVERY_METHODS = ["webhook", "rcon", "discord_role"] as const satisfies readonly DeliveryMethodCode[]

/** Per-item delivery state (the state machine is in ../state-machine.ts). */
export const DELIVERY_STATUSES = ["pending", "delivered", "failed", "awaiting_recipient", "revoked"] as const
export type DeliveryStatus = (typeof DELIVERY_STATUSES)[number]

/**
 * What one attempt did:
 * - `delivered`: done;
 * - `retry`: failed in a way worth retrying (server offline, 5xx, timeout before sending);
 * - `awaiting_recipient`: the recipient isn't there yet (player offline) — retried;
 * - `failed`: will never work as configured (bad credentials, 4xx, missing player name) — no retry;
 * - `unknown`: the request may have been carried out (connection dropped after sending an RCON
 *   command) — never re-sent automatically; a person decides;
 * - `dry_run`: a test order: recorded, nothing sent.
 */
export const ATTEMPT_OUTCOMES = ["delivered", "retry", "awaiting_recipient", "failed", "unknown", "dry_run"] as const
export type AttemptOutcome = (typeof ATTEMPT_OUTCOMES)[number]

/** Settings per method, stored on the delivery product. Secrets are masked in API answers. */
export type DownloadSettings = {
  /** Files stored through Medusa's file module. */
  file_ids: string[]
  /** Display names of the files, by file id. */
  file_names?: Record<string, string>
  /** Hours a download link lives. */
  link_lifetime_hours: number
  /** Downloads allowed per link. */
  max_downloads: number
}
export type LicenseCodeSettings = { pool_id: string }
export type WebhookSettings = {
  url: string
  /** Standard Webhooks secret, `whsec_<base64>`. */
  secret: string
}
export type RconSettings = {
  host: string
  port: number
  password: string
  /** Command template: `{player}`, `{order_id}`, `{display_id}`, `{quantity}`, `{sku}`, `{email}`. */
  command: string
  /** Run on revoke (refund / cancel), same placeholders. */
  revoke_command?: string | null
  /** Check the player is online first (`list`), otherwise wait (Awaiting recipient). */
  online_only?: boolean
  /** Line item metadata key holding the player name. Default `player`. */
  player_field?: string
}
export type DiscordRoleSettings = {
  bot_token: string
  guild_id: string
  role_id: string
  /** Line item metadata key holding the Discord user id. Default `discord_user_id`. */
  user_field?: string
}
export type DeliverySettings =
  | DownloadSettings
  | LicenseCodeSettings
  | WebhookSettings
  | RconSettings
  | DiscordRoleSettings

/** The order line being delivered, as methods see it. */
export type DeliveryContext = {
  delivery_id: string
  order_id: string
  display_id: number | null
  email: string | null
  line_item_id: string
  variant_id: string | null
  sku: string | null
  title: string
  quantity: number
  /** Line item metadata captured at checkout (player name, Discord user id…). */
  metadata: Record<string, unknown>
  /** Stable per delivery: the Standard Webhooks `webhook-id`, the same on every retry. */
  idempotency_key: string
  /** The attempt number, from 1. */
  attempt: number
}

/** A summary of what was sent and received, secrets masked. */
export type ExchangeSummary = Record<string, unknown>

export type AttemptResult = {
  outcome: AttemptOutcome
  message: string
  request?: ExchangeSummary | null
  response?: ExchangeSummary | null
  /** Data to keep on the delivery (e.g. the Discord user id used). */
  data?: Record<string, unknown> | null
  /** For a retry: the service asked us to wait at least this long (a rate limit's Retry-After). */
  retry_after_ms?: number | null
}

/**
 * An outside-service method (webhook, RCON, Discord). Download and license
 * code deliveries are database work done by the workflows.
 */
export interface RemoteDeliveryMethod<S extends DeliverySettings = DeliverySettings> {
  readonly code: DeliveryMethodCode
  /** One attempt. Never throws: every failure is an outcome. */
  deliver(settings: S, context: DeliveryContext): Promise<AttemptResult>
  /** Takes the perk back (refund / cancel). Never throws. `delivered` = revoked. */
  revoke(settings: S, context: DeliveryContext): Promise<AttemptResult>
  /** What the attempt would send, for a dry run (test orders), secrets masked. */
  describe(settings: S, context: DeliveryContext): ExchangeSummary
}

/** Options the methods share. */
export type DeliveryMethodOptions = {
  /** Allow loopback/private/link-local targets (tests, the demo store). Default false. */
  allow_private_targets: boolean
  /** Discord API base URL. Default `https://discord.com/api/v10`. */
  discord_base_url: string
  /** Per-request timeout in ms. Default 10,000. */
  timeout_ms: number
}
