import { MedusaError } from "@medusajs/framework/utils"
import { assertPublicTarget, isPermanentTargetError } from "../ssrf"
import type { AttemptResult, DeliveryContext, DeliveryMethodOptions, ExchangeSummary } from "./types"

/**
 * Helpers the outside-service methods share: secret masking, short
 * summaries of what was exchanged, the SSRF check as an attempt outcome,
 * and template rendering.
 */

/** Longest text kept from a remote answer in a summary. */
export const MAX_SUMMARY_TEXT = 500

/** Defaults applied by {@link withDefaults}. */
export const DEFAULT_METHOD_OPTIONS: DeliveryMethodOptions = {
  allow_private_targets: false,
  discord_base_url: "https://discord.com/api/v10",
  timeout_ms: 10_000,
  lookup_timeout_ms: 5_000,
}

/** Fills missing method options with the documented defaults. */
export function withDefaults(options: Partial<DeliveryMethodOptions> = {}): DeliveryMethodOptions {
  return {
    allow_private_targets: options.allow_private_targets ?? DEFAULT_METHOD_OPTIONS.allow_private_targets,
    discord_base_url: (options.discord_base_url ?? DEFAULT_METHOD_OPTIONS.discord_base_url).replace(/\/+$/, ""),
    timeout_ms: options.timeout_ms ?? DEFAULT_METHOD_OPTIONS.timeout_ms,
    lookup_timeout_ms: options.lookup_timeout_ms ?? DEFAULT_METHOD_OPTIONS.lookup_timeout_ms,
    ...(options.resolver ? { resolver: options.resolver } : {}),
  }
}

/** What every masked value starts with (after a kept `whsec_` prefix). */
export const MASK = "••••"

/**
 * THE masking function of the plugin (settings secrets in API answers,
 * tokens and passwords in the attempt log, license and redemption codes):
 * keeps a well-known prefix (`whsec_`) and, only for secrets of 16
 * characters or more, the last four characters, so two configured secrets
 * can be told apart without revealing either. A short secret is never
 * shown, not even in part.
 */
export function maskSecret(secret: string | null | undefined): string {
  if (!secret) {
    return ""
  }
  const prefix = secret.startsWith("whsec_") ? "whsec_" : ""
  const rest = secret.slice(prefix.length)
  if (rest.length < 16) {
    return `${prefix}${MASK}`
  }
  return `${prefix}${MASK}${rest.slice(-4)}`
}

/** True for a value {@link maskSecret} produced (an update sending a secret back masked). */
export function isMasked(value: unknown): boolean {
  return typeof value === "string" && (value.startsWith(MASK) || value.startsWith(`whsec_${MASK}`))
}

/** Cuts text to {@link MAX_SUMMARY_TEXT} characters, marking the cut. */
export function truncate(text: string, max = MAX_SUMMARY_TEXT): string {
  return text.length > max ? `${text.slice(0, max)}… (${text.length} chars)` : text
}

/** A remote body as a summary value: parsed JSON when it is JSON, else truncated text. */
export function summarizeBody(text: string): unknown {
  if (!text) {
    return null
  }
  if (text.length <= MAX_SUMMARY_TEXT) {
    try {
      return JSON.parse(text)
    } catch {
      return text
    }
  }
  return truncate(text)
}

type ErrorLike = { name?: unknown; message?: unknown; code?: unknown; cause?: unknown }

/**
 * Duck-typed: errors thrown by Node's own `fetch`/`net` may come from
 * another realm (jest's sandbox), where `instanceof Error` is false.
 */
function asErrorLike(e: unknown): ErrorLike | null {
  return typeof e === "object" && e !== null && "message" in e ? (e as ErrorLike) : null
}

/** True for the error `fetch` throws when `AbortSignal.timeout` fires. */
export function isTimeout(e: unknown): boolean {
  const err = asErrorLike(e)
  return !!err && (err.name === "TimeoutError" || err.name === "AbortError")
}

/** A short description of a thrown value (network errors keep their errno code). */
export function describeError(e: unknown): string {
  const err = asErrorLike(e)
  if (!err) {
    return String(e)
  }
  const cause = asErrorLike(err.cause)
  const code = typeof err.code === "string" ? err.code : typeof cause?.code === "string" ? cause.code : null
  const base = isTimeout(e) ? "timed out" : String(err.message)
  return code ? `${base} (${code})` : base
}

/**
 * Runs {@link assertPublicTarget} and turns its refusal into an attempt
 * result: a refused or malformed target is `failed` (it will never work as
 * configured), an unresolvable host is `retry` (DNS may be down).
 */
export async function checkTarget(
  target: string,
  options: DeliveryMethodOptions,
  request: ExchangeSummary
): Promise<{ address: string; family: number } | AttemptResult> {
  try {
    return await assertPublicTarget(target, {
      allow_private_targets: options.allow_private_targets,
      lookup_timeout_ms: options.lookup_timeout_ms,
      resolver: options.resolver,
    })
  } catch (e) {
    const message = MedusaError.isMedusaError(e) ? e.message : describeError(e)
    return { outcome: isPermanentTargetError(e) ? "failed" : "retry", message, request, response: null }
  }
}

/** Narrows {@link checkTarget}'s answer. */
export function isAttemptResult(value: { address: string; family: number } | AttemptResult): value is AttemptResult {
  return "outcome" in value
}

/** Values for the command/message placeholders of a delivery. */
export function placeholderValues(context: DeliveryContext, extra: Record<string, string> = {}): Record<string, string> {
  return {
    order_id: context.order_id,
    display_id: context.display_id === null ? "" : String(context.display_id),
    quantity: String(context.quantity),
    sku: context.sku ?? "",
    email: context.email ?? "",
    ...extra,
  }
}

/** Replaces `{name}` placeholders; unknown placeholders are left as written. */
export function renderTemplate(template: string, values: Record<string, string>): string {
  return template.replace(/\{([a-z_]+)\}/g, (whole, name: string) =>
    Object.prototype.hasOwnProperty.call(values, name) ? values[name] : whole
  )
}

/** Longest wait a service's Retry-After is trusted for (beyond it, the normal schedule decides). */
export const MAX_RETRY_AFTER_MS = 24 * 60 * 60 * 1000

/**
 * A Retry-After value in ms: seconds (fractions allowed, as Discord sends
 * them) or an HTTP date. Null when absent, unreadable or not in the future.
 */
export function parseRetryAfter(value: string | number | null | undefined, now = Date.now()): number | null {
  if (value === null || value === undefined || value === "") return null
  const seconds = typeof value === "number" ? value : /^\s*\d+(\.\d+)?\s*$/.test(value) ? Number(value) : null
  const ms = seconds !== null ? seconds * 1000 : Date.parse(String(value)) - now
  return Number.isFinite(ms) && ms > 0 ? Math.min(Math.ceil(ms), MAX_RETRY_AFTER_MS) : null
}
