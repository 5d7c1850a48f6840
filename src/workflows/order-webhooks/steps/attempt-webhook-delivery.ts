import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { ORDER_WEBHOOK_MODULE } from "../../../modules/order-webhook"
import { failedTooLong, judgeAnswer, nextAttemptAt } from "../../../modules/order-webhook/schedule"
import { sendSignedWebhook } from "../../../modules/order-webhook/sender"
import type OrderWebhookModuleService from "../../../modules/order-webhook/service"

/** A leased delivery to attempt. */
export type AttemptWebhookDeliveryStepInput = {
  delivery_id: string
  /** The fencing token the lease gave. */
  lease_token: number
  /** The clock of the schedule (the sweep's `now`; tests pass their own). */
  now: Date
}

/** What the attempt did. `recorded` false: the lease was lost, nothing was written. */
export type AttemptWebhookDeliveryStepOutput = {
  delivery_id: string
  outcome: "succeeded" | "retry" | "failed" | "skipped"
  status_code: number | null
  recorded: boolean
  /** Set when this attempt disabled the endpoint. */
  disabled_endpoint: { id: string; url: string; reason: string } | null
}

export const attemptWebhookDeliveryStepId = "order-ops-attempt-webhook-delivery"

/**
 * Signs and POSTs one delivery (with every live secret of its endpoint),
 * then records the attempt under the lease: 2xx succeeds; 410 disables the
 * endpoint; anything else is retried on the schedule (Retry-After on 429
 * and 503 pushes the next attempt out), the delivery failing when the
 * schedule is used up; an endpoint failing for `disable_after_failing_days`
 * is disabled. The `webhook-id` is the delivery's id on every attempt.
 *
 * No compensation: a request that left cannot be called back, and the
 * record is the truth about it. The step never throws on an HTTP failure.
 */
export const attemptWebhookDeliveryStep = createStep(
  attemptWebhookDeliveryStepId,
  async (input: AttemptWebhookDeliveryStepInput, { container }): Promise<StepResponse<AttemptWebhookDeliveryStepOutput>> => {
    const service = container.resolve<OrderWebhookModuleService>(ORDER_WEBHOOK_MODULE)
    const options = service.getOptions().webhooks
    const now = new Date(input.now)
    const skipped: AttemptWebhookDeliveryStepOutput = {
      delivery_id: input.delivery_id,
      outcome: "skipped",
      status_code: null,
      recorded: false,
      disabled_endpoint: null,
    }
    const loaded = await service.loadDeliveryForAttempt(input.delivery_id)
    if (!loaded || loaded.delivery.status !== "pending" || !loaded.endpoint.enabled) {
      return new StepResponse(skipped)
    }
    const { delivery, endpoint, event } = loaded
    const secrets = [endpoint.secret]
    if (endpoint.previous_secret && endpoint.previous_secret_expires_at && new Date(endpoint.previous_secret_expires_at) > new Date()) {
      secrets.push(endpoint.previous_secret)
    }
    const body = JSON.stringify({
      type: event.type,
      version: event.version,
      timestamp: new Date(event.occurred_at).toISOString(),
      data: event.payload,
    })
    const result = await sendSignedWebhook(
      { url: endpoint.url, msg_id: delivery.id, body, secrets, signed_at: new Date() },
      { allow_private_targets: options.allow_private_targets, timeout_ms: options.timeout_ms }
    )
    const attempt = delivery.attempt_count + 1
    const verdict = result.permanent ? null : judgeAnswer(result.status, result.retry_after, now)
    let outcome: "succeeded" | "retry" | "failed"
    let next: Date | null = null
    let disable: string | null = null
    if (verdict?.kind === "succeeded") {
      outcome = "succeeded"
    } else if (verdict?.kind === "disable_endpoint") {
      outcome = "failed"
      disable = "The endpoint answered 410 Gone"
    } else if (!verdict) {
      outcome = "failed"
    } else {
      next = nextAttemptAt(attempt, now, options.retry_schedule_seconds, verdict.retry_after_ms)
      outcome = next ? "retry" : "failed"
      const failingSince = endpoint.failing_since ? new Date(endpoint.failing_since) : now
      if (failedTooLong(failingSince, now, options.disable_after_failing_days)) {
        disable = `The endpoint failed every attempt for ${options.disable_after_failing_days} days`
      }
    }
    const recorded = await service.recordAttempt({
      delivery_id: delivery.id,
      lease_token: input.lease_token,
      attempt,
      status_code: result.status,
      duration_ms: result.duration_ms,
      response_body: result.body,
      error: result.error,
      outcome,
      next_attempt_at: next,
      now,
      disable_endpoint_reason: disable,
    })
    return new StepResponse({
      delivery_id: delivery.id,
      outcome,
      status_code: result.status,
      recorded,
      disabled_endpoint: recorded && disable ? { id: endpoint.id, url: endpoint.url, reason: disable } : null,
    })
  }
)
