/**
 * Delivery methods behind one interface. A method does one attempt and says
 * what happened; retries, state and idempotency bookkeeping live in the
 * module's tables and workflows, never in memory.
 */

/**
 * A delivery method's code: a key of `DELIVERY_METHOD_FACTORIES` (methods/index.ts),
 * which is the one list of them (`DELIVERY_METHODS` there). Stored as text and checked
 * against the registry where products are written, so a new method needs no migration.
 */
export type DeliveryMethodCode = string

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

/**
 * What the attempt log can say about an attempt: an outcome, or
 * - `sending`: written BEFORE the outside call; an attempt still `sending` after its lease
 *   ended was cut off (a crash) and is resolved per method by the next attempt;
 * - `interrupted`: such a cut-off attempt, once found;
 * - `superseded`: the attempt finished after its lease had passed to another worker: its
 *   outcome is logged but changed nothing.
 */
export const ATTEMPT_LOG_OUTCOMES = [...ATTEMPT_OUTCOMES, "sending", "interrupted", "superseded"] as const
export type AttemptLogOutcome = (typeof ATTEMPT_LOG_OUTCOMES)[number]

/**
 * What an attempt-log row records: an automatic delivery or revoke, a
 * person's action ("Mark as delivered", closing an owed revoke) or a resend
 * of the instructions email. The model's enum and the admin's labels use this list.
 */
export const DELIVERY_ATTEMPT_KINDS = ["deliver", "revoke", "manual", "resend"] as const
export type DeliveryAttemptLogKind = (typeof DELIVERY_ATTEMPT_KINDS)[number]

/** A license code's life: available → assigned (to one delivery) → revoked; never back to the pool. */
export const LICENSE_CODE_STATUSES = ["available", "assigned", "revoked"] as const
export type LicenseCodeStatus = (typeof LICENSE_CODE_STATUSES)[number]

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
 * How the admin renders a settings field. The generic kinds need nothing of
 * the admin beyond this description; `files` (an upload list) and
 * `license_pool` (a pool picker) are the two widgets that read other parts
 * of the store.
 */
export const DELIVERY_SETTINGS_FIELD_TYPES = ["text", "url", "number", "boolean", "list", "secret", "template", "files", "license_pool"] as const
export type DeliverySettingsFieldType = (typeof DELIVERY_SETTINGS_FIELD_TYPES)[number]

/** One settings field as the admin renders it (`GET /admin/delivery-methods`). */
export type DeliverySettingsField = {
  /** The settings key (errors name it `settings.<name>`). */
  name: string
  label: string
  type: DeliverySettingsFieldType
  required: boolean
  /** Secret: stored, never shown whole (masked by `maskSecret`); must be listed in `secretFields`. */
  secret: boolean
  /** A line under the field. */
  help?: string
  placeholder?: string
  /** Value a new product starts with. */
  default?: string | number | boolean
  /** Monospaced input (ids, commands). */
  mono?: boolean
  /** `files`: the settings key that keeps each file's display name, by id. */
  names_field?: string
  /** `secret`: the admin offers to generate one of this kind. */
  generate?: "standard_webhooks_secret"
}

/** What the instructions email says about one delivered item, from its method. */
export type DeliveryInstructionsPart = {
  /** One sentence for the customer about this item. */
  text: string
  /** Download links (download method). */
  downloads?: { filename: string | null; url: string; expires_at: string; remaining_downloads: number }[]
  /** License codes, whole: the email is the one place they are shown. */
  codes?: string[]
}

/** One outside address a method's settings point at (SSRF-checked on save and at request time). */
export type DeliveryTarget = { field: string; target: string }

/**
 * What a method needs from the store to do its work in the database
 * (download grants, license codes). Outside-service methods ignore it.
 */
export type DeliveryRuntime = {
  /** Creates the delivery's download grants once; a retry keeps them. */
  ensureDownloadGrants(
    context: DeliveryContext,
    settings: DownloadSettings
  ): Promise<{ id: string; expires_at: Date | string }[]>
  /** Disables the delivery's live download links; returns how many. */
  revokeDownloadGrants(delivery_id: string): Promise<number>
  /** Assigns codes until the delivery holds `quantity` (codes it holds count). */
  assignLicenseCodes(delivery_id: string, pool_id: string, quantity: number): Promise<{ codes: string[]; missing: number }>
  /** Marks the delivery's assigned codes revoked (never back to the pool); returns how many. */
  revokeLicenseCodes(delivery_id: string): Promise<number>
  /** Whether a license pool exists (settings check). */
  licensePoolExists(pool_id: string): Promise<boolean>
  /**
   * The delivery's download links for the instructions email (signed URLs);
   * `fresh`: new links that retire the old ones and carry over the downloads left.
   */
  downloadLinks(
    context: DeliveryContext,
    settings: DownloadSettings,
    fresh: boolean
  ): Promise<NonNullable<DeliveryInstructionsPart["downloads"]>>
  /** The codes the delivery holds (assigned, not revoked). */
  assignedLicenseCodes(delivery_id: string): Promise<string[]>
}

/**
 * What to do with an attempt found still `sending` after its lease ended
 * (the worker died between writing the attempt and recording its outcome):
 * - `resend_same_id`: send again, the receiver deduplicates by the same id (webhook-id);
 * - `resend_idempotent`: sending twice has the effect of once (Discord role add, database work);
 * - `never`: the command may have run and is not idempotent (RCON): outcome unknown, a person decides.
 */
export type ResendAfterUnknown = "resend_same_id" | "resend_idempotent" | "never"

/**
 * One delivery method: everything the plugin knows about it lives behind
 * this interface, and {@link DELIVERY_METHOD_REGISTRY} is the one list of
 * them. Validators, secret masking, SSRF checks, the sweep, revoke, the
 * instructions email and the admin all read it.
 */
export interface DeliveryMethod<S = DeliverySettings> {
  readonly code: DeliveryMethodCode
  /** Name shown in the admin. */
  readonly label: string
  /** Talks to a service outside the store: dry runs for test orders, per-target limit, SSRF checks. */
  readonly remote: boolean
  /** Strict zod schema of the settings; issues name the field. */
  readonly settingsSchema: import("@medusajs/framework/zod").ZodType<S>
  /** The settings form, in order. */
  readonly settingsFields: readonly DeliverySettingsField[]
  /** What to do with an attempt cut off mid-send (see {@link ResendAfterUnknown}). */
  readonly resendAfterUnknown: ResendAfterUnknown
  /** Settings keys that are secrets. */
  readonly secretFields: readonly string[]
  /** Checks the settings against the store (a referenced row exists); the message names the field. Null when fine. */
  checkSettings?(settings: S, runtime: DeliveryRuntime): Promise<string | null>
  /** The outside addresses the settings point at. */
  targets(settings: S, options: DeliveryMethodOptions): DeliveryTarget[]
  /** Longest one deliver or revoke can take, ms: the lease covers it. */
  worstCaseMs(options: DeliveryMethodOptions): number
  /** One attempt. Never throws: every failure is an outcome. */
  deliver(settings: S, context: DeliveryContext, runtime: DeliveryRuntime): Promise<AttemptResult>
  /** Takes the perk back (refund / cancel). Never throws. `delivered` = revoked. */
  revoke(settings: S, context: DeliveryContext, runtime: DeliveryRuntime): Promise<AttemptResult>
  /** What the attempt would send, secrets masked: the attempt log's `sending` row and a test order's dry run. */
  describe(settings: S, context: DeliveryContext): ExchangeSummary
  /**
   * The customer is emailed about an item delivered this way (a link, a
   * code): the instructions email covers it and waits for it. Other items
   * arrive elsewhere (game, Discord, the partner's system) and are emailed
   * only with a resend or staff notes.
   */
  readonly emailed: boolean
  /** What the instructions email says about one delivered item (`fresh`: new download links asked for). */
  instructions(settings: S, context: DeliveryContext, runtime: DeliveryRuntime, options: { fresh: boolean }): Promise<DeliveryInstructionsPart>
}

/** Options the methods share. */
export type DeliveryMethodOptions = {
  /** Allow loopback/private/link-local targets (tests, the demo store). Default false. */
  allow_private_targets: boolean
  /** Discord API base URL. Default `https://discord.com/api/v10`. */
  discord_base_url: string
  /** Per-request timeout in ms. Default 10,000. */
  timeout_ms: number
  /** DNS lookup timeout in ms (SSRF check). Default 5,000. */
  lookup_timeout_ms: number
  /** Resolver for the SSRF check and the pinned connection (tests inject one); default the system's. */
  resolver?: import("../ssrf").HostResolver
}
