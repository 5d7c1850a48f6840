import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { ORDER_WEBHOOK_MODULE } from "../../../modules/order-webhook"
import { failedTooLong, judgeAnswer, nextAttemptAt } from "../../../modules/order-webhook/schedule"
import { sendSignedWebhook } from "../../../modules/order-webhook/sender"
import type OrderWebhookModuleService from "../../../modules/order-webhook/service"
import type { RecordWebhookAttemptInput, WebhookDeliveryForAttempt } from "../../../modules/order-webhook/service"

/** Leased deliveries to attempt, each with the fencing token its lease gave. */
export type AttemptWebhookDeliveriesStepInput = {
  leases: { delivery_id: string; lease_token: number }[]
  /** The clock of the schedule (the sweep's `now`; tests pass their own). */
  now: Date
  /**
   * Keep going on the same endpoint: once the batch is recorded (its slots
   * free in the database), lease that endpoint's next due deliveries — at
   * most as many as the batch had — and attempt them, until nothing of it is
   * due or `more` further deliveries were attempted. Omitted: only `leases`.
   */
  continue?: { endpoint_id: string; more: number; lease_seconds: number }
}

/** What one attempt did. `recorded` false: the lease was lost, nothing was written. */
export type WebhookAttemptResult = {
  delivery_id: string
  outcome: "succeeded" | "retry" | "failed" | "skipped"
  status_code: number | null
  recorded: boolean
  /** Set when this attempt disabled the endpoint. */
  disabled_endpoint: { id: string; url: string; reason: string } | null
}

export const attemptWebhookDeliveriesStepId = "order-ops-attempt-webhook-deliveries"

/**
 * Signs and POSTs each leased delivery (with every live secret of its
 * endpoint), all at once — the sweep never leases more than its
 * concurrency — then records each attempt under its lease: 2xx succeeds;
 * 410 disables the endpoint; anything else is retried on the schedule
 * (Retry-After on 429 and 503 pushes the next attempt out), the delivery
 * failing when the schedule is used up; an endpoint failing for
 * `disable_after_failing_days` is disabled. The `webhook-id` is the
 * delivery's id on every attempt.
 *
 * The sweep batches one endpoint's deliveries together, so the batch is
 * read with one statement and its outcomes written with one, instead of
 * a few statements per delivery; an endpoint that hangs holds back only
 * its own batch. A crash after the sends and before the write leaves the
 * leases to expire: those deliveries are sent again under the same
 * `webhook-id` (at least once, as the Standard Webhooks spec expects).
 *
 * No compensation: a request that left cannot be called back, and the
 * record is the truth about it. The step never throws on an HTTP failure.
 */
export const attemptWebhookDeliveriesStep = createStep(
  attemptWebhookDeliveriesStepId,
  async (input: AttemptWebhookDeliveriesStepInput, { container }): Promise<StepResponse<WebhookAttemptResult[]>> => {
    const service = container.resolve<OrderWebhookModuleService>(ORDER_WEBHOOK_MODULE)
    const now = new Date(input.now)
    const results: WebhookAttemptResult[] = []
    let leases: BatchLease[] = input.leases
    let more = input.continue?.more ?? 0
    const batchSize = Math.max(input.leases.length, 1)
    for (;;) {
      results.push(...(await attemptBatch(service, leases, now)))
      if (!input.continue || more <= 0) {
        break
      }
      const next = await service.leaseDueDeliveries({
        now,
        limit: Math.min(batchSize, more),
        lease_seconds: input.continue.lease_seconds,
        endpoint_id: input.continue.endpoint_id,
        with_attempt_data: true,
      })
      if (!next.length) {
        break
      }
      more -= next.length
      leases = next.map((l) => ({ delivery_id: l.id, lease_token: l.lease_token, loaded: l.attempt }))
    }
    return new StepResponse(results)
  }
)

/** A lease of a batch; `loaded` when the lease brought the attempt's data along. */
type BatchLease = { delivery_id: string; lease_token: number; loaded?: WebhookDeliveryForAttempt }

/** One batch of one endpoint: one read (none when the lease brought the data), the sends together, one write. */
async function attemptBatch(service: OrderWebhookModuleService, leases: BatchLease[], now: Date): Promise<WebhookAttemptResult[]> {
  const options = service.getOptions().webhooks
  const preloaded = leases.every((l) => l.loaded)
  const loaded = new Map(
    (preloaded ? leases.map((l) => l.loaded!) : await service.loadDeliveriesForAttempt(leases.map((l) => l.delivery_id))).map((row) => [row.delivery.id, row])
  )
  type Sent = { result: WebhookAttemptResult; record?: RecordWebhookAttemptInput; endpoint?: { id: string; url: string }; disable?: string | null }
  const attempt = async (lease: { delivery_id: string; lease_token: number }): Promise<Sent> => {
    const row = loaded.get(lease.delivery_id)
    if (!row || row.delivery.status !== "pending" || !row.endpoint.enabled) {
      return { result: { delivery_id: lease.delivery_id, outcome: "skipped", status_code: null, recorded: false, disabled_endpoint: null } }
    }
    const { delivery, endpoint } = row
    const result = await sendSignedWebhook(
      { url: endpoint.url, msg_id: delivery.id, body: webhookBody(row), secrets: liveSecrets(row), signed_at: new Date() },
      { allow_private_targets: options.allow_private_targets, timeout_ms: options.timeout_ms }
    )
    const attemptNumber = delivery.attempt_count + 1
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
      next = nextAttemptAt(attemptNumber, now, options.retry_schedule_seconds, verdict.retry_after_ms)
      outcome = next ? "retry" : "failed"
      const failingSince = endpoint.failing_since ? new Date(endpoint.failing_since) : now
      if (failedTooLong(failingSince, now, options.disable_after_failing_days)) {
        disable = `The endpoint failed every attempt for ${options.disable_after_failing_days} days`
      }
    }
    return {
      result: { delivery_id: delivery.id, outcome, status_code: result.status, recorded: false, disabled_endpoint: null },
      record: {
        delivery_id: delivery.id,
        lease_token: lease.lease_token,
        attempt: attemptNumber,
        status_code: result.status,
        duration_ms: result.duration_ms,
        response_body: result.body,
        error: result.error,
        outcome,
        next_attempt_at: next,
        now,
        disable_endpoint_reason: disable,
      },
      endpoint: { id: endpoint.id, url: endpoint.url },
      disable,
    }
  }
  const sent = await Promise.all(leases.map(attempt))
  const toRecord = sent.filter((s) => s.record)
  const recorded = await service.recordAttempts(toRecord.map((s) => s.record!))
  toRecord.forEach((s, i) => {
    s.result.recorded = recorded[i]
    s.result.disabled_endpoint = recorded[i] && s.disable ? { ...s.endpoint!, reason: s.disable } : null
  })
  return sent.map((s) => s.result)
}

/** The exact JSON that is signed and sent. */
function webhookBody({ event }: WebhookDeliveryForAttempt): string {
  return JSON.stringify({
    type: event.type,
    version: event.version,
    timestamp: new Date(event.occurred_at).toISOString(),
    data: event.payload,
  })
}

/** The endpoint's secret, and the previous one while a rotation's overlap lasts. */
function liveSecrets({ endpoint }: WebhookDeliveryForAttempt): string[] {
  const secrets = [endpoint.secret]
  if (endpoint.previous_secret && endpoint.previous_secret_expires_at && new Date(endpoint.previous_secret_expires_at) > new Date()) {
    secrets.push(endpoint.previous_secret)
  }
  return secrets
}
