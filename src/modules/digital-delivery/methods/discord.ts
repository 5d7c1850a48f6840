import { z } from "@medusajs/framework/zod"
import { forbiddenTargetReason, pinnedFetch } from "../../../utils/pinned-fetch"
import { settingKey, settingText } from "./settings"
import { checkTarget, describeError, isAttemptResult, isTimeout, maskSecret, parseRetryAfter, summarizeBody, withDefaults } from "./shared"
import type {
  AttemptResult,
  DeliveryContext,
  DeliveryInstructionsPart,
  DeliveryMethodOptions,
  DiscordRoleSettings,
  DeliveryMethod,
  DeliverySettingsField,
  DeliveryTarget,
  ExchangeSummary,
} from "./types"

/**
 * Discord role delivery: gives (and takes back) a guild role through the
 * Discord REST API ("Add Guild Member Role" / "Remove Guild Member Role").
 * Plain `fetch`: two endpoints do not justify a Discord client library, and
 * there is no official Discord REST SDK for Node.
 */

/** Discord ids are snowflakes: 64-bit integers written as 17–20 digits. */
export const SNOWFLAKE = /^\d{17,20}$/
/** Discord JSON error code for "Unknown Member". */
export const DISCORD_UNKNOWN_MEMBER = 10007
/** Longest audit-log reason Discord accepts. */
const MAX_AUDIT_REASON = 512
const USER_AGENT = "DiscordBot (https://github.com/medusa-order-ops, 0.1.0)"

type DiscordError = { message?: string; code?: number; retry_after?: number; global?: boolean }

/** Gives and takes back Discord roles. Never throws. */
export class DiscordRoleDeliveryMethod implements DeliveryMethod<DiscordRoleSettings> {
  readonly code = "discord_role" as const
  readonly label = "Discord role"
  readonly remote = true
  /** Adding a role the member already has changes nothing. */
  readonly resendAfterUnknown = "resend_idempotent" as const
  readonly secretFields = ["bot_token"] as const
  readonly emailed = false
  readonly settingsSchema = z
    .object({
      bot_token: settingText("bot_token", 200),
      guild_id: z.string({ error: "settings.guild_id is required" }).regex(SNOWFLAKE, { error: "settings.guild_id must be a Discord id (17–20 digits)" }),
      role_id: z.string({ error: "settings.role_id is required" }).regex(SNOWFLAKE, { error: "settings.role_id must be a Discord id (17–20 digits)" }),
      user_field: settingKey("user_field"),
    })
    .strict()
  readonly settingsFields: readonly DeliverySettingsField[] = [
    { name: "bot_token", label: "Bot token", type: "secret", required: true, secret: true },
    { name: "guild_id", label: "Server (guild) id", type: "text", required: true, secret: false, mono: true },
    { name: "role_id", label: "Role id", type: "text", required: true, secret: false, mono: true },
    {
      name: "user_field",
      label: "User metadata field",
      type: "text",
      required: false,
      secret: false,
      placeholder: "discord_user_id",
      help: "The line item metadata key holding the customer's Discord user id.",
    },
  ]
  private readonly options: DeliveryMethodOptions

  /** @param options shared method options (Discord base URL, timeout, private targets). */
  constructor(options: Partial<DeliveryMethodOptions> = {}) {
    this.options = withDefaults(options)
  }

  /** The Discord API itself (its base URL is a plugin option). */
  targets(_settings: DiscordRoleSettings, options: DeliveryMethodOptions): DeliveryTarget[] {
    return [{ field: "discord_base_url", target: options.discord_base_url }]
  }

  worstCaseMs(options: DeliveryMethodOptions): number {
    return options.lookup_timeout_ms + options.timeout_ms
  }

  async instructions(_settings: DiscordRoleSettings, context: DeliveryContext): Promise<DeliveryInstructionsPart> {
    return { text: `${context.title}: the role is given on the Discord server to the account named at checkout.` }
  }

  /** `PUT …/guilds/{guild}/members/{user}/roles/{role}`. */
  deliver(settings: DiscordRoleSettings, context: DeliveryContext): Promise<AttemptResult> {
    return this.call("PUT", settings, context)
  }

  /** `DELETE …/guilds/{guild}/members/{user}/roles/{role}`; a member who left has nothing to revoke. */
  revoke(settings: DiscordRoleSettings, context: DeliveryContext): Promise<AttemptResult> {
    return this.call("DELETE", settings, context)
  }

  /** The request a delivery would send, token masked. */
  describe(settings: DiscordRoleSettings, context: DeliveryContext): ExchangeSummary {
    const user = this.userId(settings, context)
    return {
      method: "PUT",
      url: this.url(settings, user.ok ? user.id : `{${user.field}}`),
      headers: { authorization: `Bot ${maskSecret(settings.bot_token)}`, "x-audit-log-reason": this.reason(context) },
      ...(user.ok ? {} : { error: user.message }),
    }
  }

  private url(settings: DiscordRoleSettings, userId: string): string {
    return `${this.options.discord_base_url}/guilds/${settings.guild_id}/members/${userId}/roles/${settings.role_id}`
  }

  private reason(context: DeliveryContext): string {
    const order = context.display_id === null ? context.order_id : `#${context.display_id}`
    return `Order ${order}: ${context.title}`.slice(0, MAX_AUDIT_REASON)
  }

  private userId(
    settings: DiscordRoleSettings,
    context: DeliveryContext
  ): { ok: true; id: string; field: string } | { ok: false; message: string; field: string } {
    const field = settings.user_field ?? "discord_user_id"
    const raw = context.metadata?.[field]
    if (raw === undefined || raw === null || raw === "") {
      return { ok: false, field, message: `No Discord user id: line item metadata "${field}" is empty` }
    }
    // Numbers lose precision above 2^53, so only strings are trusted.
    const id = typeof raw === "string" ? raw.trim() : ""
    if (!SNOWFLAKE.test(id)) {
      return { ok: false, field, message: `Discord user id in metadata "${field}" is not a Discord id (17–20 digits)` }
    }
    return { ok: true, id, field }
  }

  private async call(
    method: "PUT" | "DELETE",
    settings: DiscordRoleSettings,
    context: DeliveryContext
  ): Promise<AttemptResult> {
    const user = this.userId(settings, context)
    const reason = this.reason(context)
    if (!user.ok) {
      return { outcome: "failed", message: user.message, request: null, response: null }
    }
    const url = this.url(settings, user.id)
    const request: ExchangeSummary = {
      method,
      url,
      headers: { authorization: `Bot ${maskSecret(settings.bot_token)}`, "x-audit-log-reason": reason },
    }
    const data = { discord_user_id: user.id }
    if (!SNOWFLAKE.test(settings.guild_id) || !SNOWFLAKE.test(settings.role_id)) {
      return { outcome: "failed", message: "Discord guild id and role id must be Discord ids (17–20 digits)", request, response: null, data }
    }
    const target = await checkTarget(this.options.discord_base_url, this.options, request)
    if (isAttemptResult(target)) {
      return { ...target, data }
    }

    const started = Date.now()
    let status: number
    let body: DiscordError | null
    let response: ExchangeSummary
    let retryAfterHeader: string | null
    try {
      // Pinned to the address that passes the guard at connect time (DNS rebinding).
      const res = await pinnedFetch(
        url,
        {
          method,
          headers: {
            authorization: `Bot ${settings.bot_token}`,
            // The header carries UTF-8 only when percent-encoded.
            "x-audit-log-reason": encodeURIComponent(reason),
            "user-agent": USER_AGENT,
          },
        },
        this.options
      )
      const text = res.text
      status = res.status
      const summarized = summarizeBody(text)
      body = summarized && typeof summarized === "object" ? (summarized as DiscordError) : null
      retryAfterHeader = res.headers.get("retry-after")
      response = { status, duration_ms: Date.now() - started, body: summarized }
    } catch (e) {
      const refused = forbiddenTargetReason(e)
      if (refused) {
        return { outcome: "failed", message: `Discord API target refused at connect time: ${refused}`, request, response: { error: describeError(e) }, data }
      }
      const message = isTimeout(e)
        ? `Discord API did not answer within ${this.options.timeout_ms} ms; will retry`
        : `Discord API unreachable: ${describeError(e)}; will retry`
      return { outcome: "retry", message, request, response: { error: describeError(e) }, data }
    }

    const remote = body?.message ? `: ${body.message}` : ""
    const done = method === "PUT" ? "Role given" : "Role removed"
    if (status >= 200 && status < 300) {
      return { outcome: "delivered", message: `${done} (${status})`, request, response, data }
    }
    if (status === 429) {
      const retryAfterMs = parseRetryAfter(typeof body?.retry_after === "number" ? body.retry_after : retryAfterHeader)
      const wait = retryAfterMs ? ` retry after ${retryAfterMs / 1000} s` : " retry later"
      return {
        outcome: "retry",
        message: `Discord rate limit${body?.global ? " (global)" : ""};${wait}`,
        request,
        response,
        data,
        retry_after_ms: retryAfterMs,
      }
    }
    if (status === 401) {
      return { outcome: "failed", message: `Discord rejected the bot token (401${remote}); check the token`, request, response, data }
    }
    if (status === 403) {
      return {
        outcome: "failed",
        message: `Discord refused (403${remote}): the bot needs Manage Roles in the guild and its top role must be above the role it gives`,
        request,
        response,
        data,
      }
    }
    if (status === 404 && (body?.code === DISCORD_UNKNOWN_MEMBER || body?.message === "Unknown Member")) {
      if (method === "DELETE") {
        return { outcome: "delivered", message: "Member is no longer in the guild; nothing to revoke", request, response, data }
      }
      return {
        outcome: "awaiting_recipient",
        message: `Discord user ${user.id} has not joined the guild yet; the role will be given when they have`,
        request,
        response,
        data,
      }
    }
    if (status === 408 || status >= 500) {
      return { outcome: "retry", message: `Discord API answered ${status}${remote}; will retry`, request, response, data }
    }
    return { outcome: "failed", message: `Discord API rejected the request (${status}${remote})`, request, response, data }
  }
}
