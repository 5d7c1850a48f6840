import { Webhook } from "standardwebhooks"
import { z } from "@medusajs/framework/zod"
import { forbiddenTargetReason, pinnedFetch } from "../../../utils/pinned-fetch"
import { checkTarget, describeError, isAttemptResult, isTimeout, maskSecret, parseRetryAfter, summarizeBody, withDefaults } from "./shared"
import type {
  AttemptResult,
  DeliveryContext,
  DeliveryInstructionsPart,
  DeliveryMethodOptions,
  ExchangeSummary,
  DeliveryMethod,
  DeliverySettingsField,
  DeliveryTarget,
  WebhookSettings,
} from "./types"

/**
 * Webhook delivery: POSTs a Standard Webhooks message to the merchant's URL,
 * signed with the `standardwebhooks` package. The `webhook-id` is the
 * delivery's idempotency key, identical on every retry, so the receiver can
 * deduplicate.
 */

/** Event type sent when an item is to be delivered. */
export const WEBHOOK_DELIVERY_REQUESTED = "order_ops.delivery.requested"
/** Event type sent when a delivered item is taken back. */
export const WEBHOOK_DELIVERY_REVOKED = "order_ops.delivery.revoked"

/** The JSON body of a delivery webhook (Standard Webhooks payload shape). */
export type WebhookDeliveryPayload = {
  type: typeof WEBHOOK_DELIVERY_REQUESTED | typeof WEBHOOK_DELIVERY_REVOKED
  data: {
    delivery_id: string
    order_id: string
    display_id: number | null
    email: string | null
    line_item_id: string
    variant_id: string | null
    sku: string | null
    title: string
    quantity: number
    metadata: Record<string, unknown>
  }
  /** ISO 8601 time the message was signed. */
  timestamp: string
}

/** Builds the payload for a delivery context. */
export function buildWebhookPayload(
  type: WebhookDeliveryPayload["type"],
  context: DeliveryContext,
  at: Date
): WebhookDeliveryPayload {
  return {
    type,
    data: {
      delivery_id: context.delivery_id,
      order_id: context.order_id,
      display_id: context.display_id,
      email: context.email,
      line_item_id: context.line_item_id,
      variant_id: context.variant_id,
      sku: context.sku,
      title: context.title,
      quantity: context.quantity,
      metadata: context.metadata,
    },
    timestamp: at.toISOString(),
  }
}

/** Statuses that say "try again later" rather than "this will never work". */
function isRetryableStatus(status: number): boolean {
  return status === 408 || status === 429 || status >= 500
}

/** A signature header with the signature itself cut short. */
function maskSignature(signature: string): string {
  return signature
    .split(" ")
    .map((s) => {
      const [version, value = ""] = s.split(",")
      return `${version},${value.slice(0, 6)}…`
    })
    .join(" ")
}

/** Delivers (and revokes) items by signed webhook. Never throws. */
export class WebhookDeliveryMethod implements DeliveryMethod<WebhookSettings> {
  readonly code = "webhook" as const
  readonly label = "Webhook"
  readonly remote = true
  /** The receiver deduplicates by `webhook-id`, the same on every send. */
  readonly resendAfterUnknown = "resend_same_id" as const
  readonly secretFields = ["secret"] as const
  readonly emailed = false
  readonly settingsSchema = z
    .object({
      url: z
        .url({ error: "settings.url must be a URL" })
        .refine((u) => /^https?:\/\//.test(u), { error: "settings.url must be http(s)" }),
      secret: z
        .string({ error: "settings.secret is required" })
        .regex(/^whsec_[A-Za-z0-9+/=]{16,}$/, { error: "settings.secret must be a Standard Webhooks secret (whsec_…)" }),
    })
    .strict()
  readonly settingsFields: readonly DeliverySettingsField[] = [
    { name: "url", label: "Endpoint URL", type: "url", required: true, secret: false, placeholder: "https://example.com/hooks/orders" },
    {
      name: "secret",
      label: "Signing secret",
      type: "secret",
      required: true,
      secret: true,
      mono: true,
      placeholder: "whsec_…",
      generate: "standard_webhooks_secret",
      help: "Standard Webhooks secret; the receiver verifies each request with it.",
    },
  ]
  private readonly options: DeliveryMethodOptions

  /** @param options shared method options (timeout, private targets). */
  constructor(options: Partial<DeliveryMethodOptions> = {}) {
    this.options = withDefaults(options)
  }

  targets(settings: WebhookSettings): DeliveryTarget[] {
    return [{ field: "settings.url", target: settings.url }]
  }

  worstCaseMs(options: DeliveryMethodOptions): number {
    return options.lookup_timeout_ms + options.timeout_ms
  }

  async instructions(_settings: WebhookSettings, context: DeliveryContext): Promise<DeliveryInstructionsPart> {
    return { text: `${context.title}: delivered to your account by the seller's system.` }
  }

  /** POSTs `order_ops.delivery.requested` with `webhook-id` = the idempotency key. */
  deliver(settings: WebhookSettings, context: DeliveryContext): Promise<AttemptResult> {
    return this.send(settings, context, WEBHOOK_DELIVERY_REQUESTED, context.idempotency_key)
  }

  /** POSTs `order_ops.delivery.revoked` with `webhook-id` = `<key>:revoke`. */
  revoke(settings: WebhookSettings, context: DeliveryContext): Promise<AttemptResult> {
    return this.send(settings, context, WEBHOOK_DELIVERY_REVOKED, `${context.idempotency_key}:revoke`)
  }

  /** The request a delivery would send, unsigned, secret masked. */
  describe(settings: WebhookSettings, context: DeliveryContext): ExchangeSummary {
    return {
      method: "POST",
      url: settings.url,
      secret: maskSecret(settings.secret),
      headers: { "content-type": "application/json", "webhook-id": context.idempotency_key },
      body: buildWebhookPayload(WEBHOOK_DELIVERY_REQUESTED, context, new Date()),
    }
  }

  private async send(
    settings: WebhookSettings,
    context: DeliveryContext,
    type: WebhookDeliveryPayload["type"],
    msgId: string
  ): Promise<AttemptResult> {
    const now = new Date()
    const body = JSON.stringify(buildWebhookPayload(type, context, now))
    const baseRequest: ExchangeSummary = {
      method: "POST",
      url: settings.url,
      headers: { "webhook-id": msgId },
      body: JSON.parse(body),
    }

    let signature: string
    try {
      signature = new Webhook(settings.secret).sign(msgId, now, body)
    } catch (e) {
      return {
        outcome: "failed",
        message: `Webhook secret ${maskSecret(settings.secret)} is not a valid Standard Webhooks secret: ${describeError(e)}`,
        request: baseRequest,
        response: null,
      }
    }
    const headers = {
      "content-type": "application/json",
      "user-agent": "medusa-order-ops",
      "webhook-id": msgId,
      "webhook-timestamp": String(Math.floor(now.getTime() / 1000)),
      "webhook-signature": signature,
    }
    const request: ExchangeSummary = {
      ...baseRequest,
      headers: { ...headers, "webhook-signature": maskSignature(signature) },
    }

    if (!/^https?:\/\//i.test(settings.url)) {
      return { outcome: "failed", message: "Webhook URL must start with http:// or https://", request, response: null }
    }
    const target = await checkTarget(settings.url, this.options, request)
    if (isAttemptResult(target)) {
      return target
    }

    const started = Date.now()
    try {
      // Pinned: the connection resolves and checks the host once more and goes
      // only to the address that passed, so a DNS-rebinding host cannot slip
      // past the check above; redirects are never followed.
      const res = await pinnedFetch(settings.url, { method: "POST", headers, body }, this.options)
      const text = res.text
      const response: ExchangeSummary = {
        status: res.status,
        duration_ms: Date.now() - started,
        body: summarizeBody(text),
      }
      if (res.status >= 200 && res.status < 300) {
        return { outcome: "delivered", message: `Webhook accepted (${res.status})`, request, response }
      }
      if (isRetryableStatus(res.status)) {
        return {
          outcome: "retry",
          message: `Webhook endpoint answered ${res.status}; will retry`,
          request,
          response,
          retry_after_ms: parseRetryAfter(res.headers.get("retry-after")),
        }
      }
      if (res.status >= 300 && res.status < 400) {
        return {
          outcome: "failed",
          message: `Webhook endpoint redirected (${res.status}); redirects are not followed, configure the final URL`,
          request,
          response: { ...response, location: res.headers.get("location") },
        }
      }
      return { outcome: "failed", message: `Webhook endpoint rejected the delivery (${res.status})`, request, response }
    } catch (e) {
      const response = { error: describeError(e), duration_ms: Date.now() - started }
      const refused = forbiddenTargetReason(e)
      if (refused) {
        return { outcome: "failed", message: `Webhook target refused at connect time: ${refused}`, request, response }
      }
      const message = isTimeout(e)
        ? `Webhook endpoint did not answer within ${this.options.timeout_ms} ms; will retry`
        : `Webhook endpoint unreachable: ${describeError(e)}; will retry`
      return { outcome: "retry", message, request, response }
    }
  }
}
