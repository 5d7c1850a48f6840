import { MedusaError } from "@medusajs/framework/utils"
import { Webhook } from "standardwebhooks"
import { forbiddenTargetReason, pinnedFetch } from "../../utils/pinned-fetch"
import { isPermanentTargetError } from "../digital-delivery/ssrf"

/** DNS lookup limit of one send (within the request's own timeout). */
export const WEBHOOK_LOOKUP_TIMEOUT_MS = 5000

/** Longest part of an answer kept in the delivery log. */
export const RESPONSE_BODY_LIMIT = 1000

/** One signed POST, as sent. */
export type SignedRequest = {
  url: string
  /** The `webhook-id`: the delivery's id, the same on every attempt. */
  msg_id: string
  /** The exact JSON that is signed and sent. */
  body: string
  /** Every secret currently signing (the new one first during a rotation). */
  secrets: string[]
  /** Time written into `webhook-timestamp` (the wall clock: receivers reject stale timestamps). */
  signed_at: Date
}

/** What came back. `status` null: no HTTP answer (timeout, refused, blocked target). */
export type SendResult = {
  status: number | null
  retry_after: string | null
  body: string | null
  duration_ms: number
  error: string | null
  /** The target itself is refused (private address, bad URL): retrying cannot help. */
  permanent: boolean
}

/**
 * The Standard Webhooks headers for a message: one `v1,` signature per
 * secret, space separated, so a receiver holding either key verifies it.
 *
 * @throws MedusaError INVALID_DATA when a secret is not a `whsec_` base64 key.
 */
export function signatureHeaders(req: Pick<SignedRequest, "msg_id" | "body" | "secrets" | "signed_at">): Record<string, string> {
  const signatures = req.secrets.map((secret) => {
    try {
      return new Webhook(secret).sign(req.msg_id, req.signed_at, req.body)
    } catch (e) {
      throw new MedusaError(MedusaError.Types.INVALID_DATA, `Endpoint secret is not a Standard Webhooks secret: ${(e as Error).message}`)
    }
  })
  return {
    "content-type": "application/json",
    "user-agent": "medusa-order-ops-webhooks",
    "webhook-id": req.msg_id,
    "webhook-timestamp": String(Math.floor(req.signed_at.getTime() / 1000)),
    "webhook-signature": signatures.join(" "),
  }
}

/**
 * Signs and POSTs one message. The host is checked by the digital delivery
 * SSRF guard and the connection pinned to the checked address; redirects
 * are not followed. Never throws: every failure is a result.
 */
export async function sendSignedWebhook(
  req: SignedRequest,
  options: { allow_private_targets: boolean; timeout_ms: number }
): Promise<SendResult> {
  const started = Date.now()
  const fail = (error: string, permanent = false): SendResult => ({
    status: null,
    retry_after: null,
    body: null,
    duration_ms: Date.now() - started,
    error,
    permanent,
  })
  let headers: Record<string, string>
  try {
    headers = signatureHeaders(req)
  } catch (e) {
    return fail((e as Error).message, true)
  }
  try {
    const res = await pinnedFetch(
      req.url,
      { method: "POST", headers, body: req.body },
      {
        allow_private_targets: options.allow_private_targets,
        timeout_ms: options.timeout_ms,
        lookup_timeout_ms: Math.min(WEBHOOK_LOOKUP_TIMEOUT_MS, options.timeout_ms),
      }
    )
    const text = res.text
    return {
      status: res.status,
      retry_after: res.headers.get("retry-after"),
      body: text.length > RESPONSE_BODY_LIMIT ? `${text.slice(0, RESPONSE_BODY_LIMIT)}…` : text,
      duration_ms: Date.now() - started,
      error: null,
      permanent: false,
    }
  } catch (e) {
    const refused = forbiddenTargetReason(e)
    if (refused) {
      return fail(refused, true)
    }
    if (MedusaError.isMedusaError(e)) {
      return fail(e.message, isPermanentTargetError(e))
    }
    const err = e as Error & { code?: string; cause?: { code?: string; message?: string } }
    const timedOut = err.name === "TimeoutError" || err.name === "AbortError" || /timeout/i.test(err.code ?? err.cause?.code ?? "")
    const code = err.cause?.code ?? err.code ?? err.name
    return fail(timedOut ? `No answer within ${options.timeout_ms} ms` : `${code}: ${err.cause?.message ?? err.message}`)
  }
}
