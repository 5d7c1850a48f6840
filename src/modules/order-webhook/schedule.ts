/**
 * Pure rules of webhook delivery: what an answer means, when the next
 * attempt is due, and which moves a delivery may make. No I/O.
 */

/** Delivery statuses and the moves between them (a transitions table). */
export const WEBHOOK_DELIVERY_TRANSITIONS: Record<"pending" | "succeeded" | "failed", readonly ("pending" | "succeeded" | "failed")[]> = {
  // An attempt succeeds, or the last scheduled one fails (or the endpoint is gone).
  pending: ["succeeded", "failed"],
  // Resend: the same message (same webhook-id) goes again.
  succeeded: ["pending"],
  // Resend or replay.
  failed: ["pending"],
}

export type WebhookDeliveryStatus = keyof typeof WEBHOOK_DELIVERY_TRANSITIONS

/** Why a move is refused, or null when allowed. */
export function deliveryTransitionError(from: WebhookDeliveryStatus, to: WebhookDeliveryStatus): string | null {
  return WEBHOOK_DELIVERY_TRANSITIONS[from].includes(to) ? null : `A ${from} delivery cannot become ${to}`
}

/** What an HTTP answer (or its absence) means for the delivery and its endpoint. */
export type AnswerVerdict =
  | { kind: "succeeded" }
  /** 410 Gone: the receiver asks us to stop: the endpoint is disabled. */
  | { kind: "disable_endpoint" }
  | { kind: "retry"; retry_after_ms: number | null }

/** Longest Retry-After we honour; beyond it the schedule decides. */
export const MAX_RETRY_AFTER_MS = 24 * 3600 * 1000

/**
 * Reads a Retry-After header (seconds or an HTTP date) relative to `now`.
 * Null when absent, unreadable or not in the future.
 */
export function parseRetryAfterHeader(value: string | null | undefined, now: Date): number | null {
  if (!value) return null
  const trimmed = value.trim()
  const ms = /^\d+$/.test(trimmed) ? Number(trimmed) * 1000 : Date.parse(trimmed) - now.getTime()
  return Number.isFinite(ms) && ms > 0 ? Math.min(ms, MAX_RETRY_AFTER_MS) : null
}

/**
 * 2xx is success; 410 disables; everything else — other statuses, a
 * timeout, a refused connection (status null) — is a failure to retry.
 * Retry-After counts on 429 and 503 only, as the spec says.
 */
export function judgeAnswer(status: number | null, retryAfter: string | null, now: Date): AnswerVerdict {
  if (status !== null && status >= 200 && status < 300) return { kind: "succeeded" }
  if (status === 410) return { kind: "disable_endpoint" }
  const honoured = status === 429 || status === 503 ? parseRetryAfterHeader(retryAfter, now) : null
  return { kind: "retry", retry_after_ms: honoured }
}

/**
 * When the next attempt is due after attempt number `attempts_made` failed
 * at `now`, or null when the schedule is used up. `schedule_seconds[i]` is
 * the wait before attempt i+1 (index 0 is the first attempt: 0 =
 * immediately). A Retry-After longer than the scheduled wait wins.
 */
export function nextAttemptAt(
  attempts_made: number,
  now: Date,
  schedule_seconds: readonly number[],
  retry_after_ms: number | null = null
): Date | null {
  if (attempts_made >= schedule_seconds.length) return null
  const wait = Math.max(schedule_seconds[attempts_made] * 1000, retry_after_ms ?? 0)
  return new Date(now.getTime() + wait)
}

/** True when an endpoint failing since `failing_since` has failed long enough to be disabled. */
export function failedTooLong(failing_since: Date | null, now: Date, days: number): boolean {
  return failing_since !== null && now.getTime() - failing_since.getTime() >= days * 24 * 3600 * 1000
}

/**
 * Why an endpoint URL is refused, or null: it must be an absolute http(s)
 * URL without credentials, and https unless private targets are allowed
 * (tests, the demo). Where it resolves is checked on every request.
 */
export function endpointUrlProblem(url: string, allow_private_targets: boolean): string | null {
  let parsed: URL
  try {
    parsed = new URL(url)
  } catch {
    return "url must be an absolute URL"
  }
  if (parsed.protocol !== "https:" && !(allow_private_targets && parsed.protocol === "http:")) {
    return "url must use https"
  }
  if (parsed.username || parsed.password) {
    return "url must not contain credentials"
  }
  return null
}
