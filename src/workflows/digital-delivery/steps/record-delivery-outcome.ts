import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { DIGITAL_DELIVERY_MODULE } from "../../../modules/digital-delivery"
import type DigitalDeliveryModuleService from "../../../modules/digital-delivery/service"
import type { AttemptResult } from "../../../modules/digital-delivery/methods/types"
import { assertDeliveryTransition, nextDeliveryState } from "../../../modules/digital-delivery/state-machine"
import type { DeliveryDTO } from "../utils/types"
import type { DeliveryAttemptPlan } from "./prepare-delivery-attempt"

export const recordDeliveryOutcomeStepId = "order-ops-record-delivery-outcome"

/** What {@link recordDeliveryOutcomeStep} answers. */
export type RecordedDeliveryOutcome = {
  delivery: DeliveryDTO
  /** False when nothing was attempted (skipped) or the lease had passed on (superseded). */
  recorded: boolean
  /** The delivery's status moved or it was delivered: worth a timeline entry and an event. */
  changed: boolean
  message: string | null
}

/** Step of the retry schedule for the n-th try (the last step repeats: an owed revoke never gives up by itself). */
function scheduleStep(schedule: number[], n: number): number {
  return schedule[Math.min(Math.max(n - 1, 0), schedule.length - 1)]
}

/**
 * Records the outcome on the `sending` row and moves the delivery — the
 * retry schedule for a delivery, `revoked` (with the revoke owed until the
 * outside service confirms) for a revoke — checked against
 * `DELIVERY_TRANSITIONS`, and releases the lease: all in one transaction,
 * only while the lease's fencing token is still ours. Otherwise the row
 * says `superseded` and the delivery is untouched. A recorded outcome is a
 * fact about the outside world: nothing to undo.
 *
 * @throws MedusaError NOT_ALLOWED when the table refuses the move.
 */
export const recordDeliveryOutcomeStep = createStep(
  recordDeliveryOutcomeStepId,
  async (
    input: { plan: DeliveryAttemptPlan; attempt: { id: string; started_at: number } | null; result: AttemptResult | null },
    { container }
  ) => {
    const { plan, attempt, result } = input
    if (plan.skip || !attempt || !result) {
      return new StepResponse<RecordedDeliveryOutcome>({ delivery: plan.delivery, recorded: false, changed: false, message: null })
    }
    const service = container.resolve<DigitalDeliveryModuleService>(DIGITAL_DELIVERY_MODULE)
    const schedule = service.getOptions().digital_delivery.retry_minutes
    const delivery = plan.delivery
    const now = new Date()
    let update: Record<string, unknown>
    if (plan.kind === "deliver") {
      const n = delivery.attempts + 1
      const next = nextDeliveryState(result.outcome, n, schedule, now, result.retry_after_ms ?? null)
      assertDeliveryTransition(delivery.status, next.status)
      const delivered = next.status === "delivered"
      update = {
        status: next.status,
        attempts: n,
        next_attempt_at: next.next_attempt_at,
        outcome_unknown: next.outcome_unknown,
        last_error: delivered ? null : result.message,
        delivered_at: delivered ? now : null,
        data: { ...(delivery.data ?? {}), ...(result.data ?? {}) },
        locked_until: null,
      }
    } else {
      assertDeliveryTransition(delivery.status, "revoked")
      const done = result.outcome === "delivered" || result.outcome === "dry_run"
      const unknown = result.outcome === "unknown"
      const tries = ((delivery as DeliveryDTO & { revoke_attempts?: number }).revoke_attempts ?? 0) + 1
      update = {
        status: "revoked",
        revoked_at: (delivery.revoked_at as Date | null) ?? now,
        next_attempt_at: null,
        revoke_attempts: tries,
        // Retried on the schedule until it succeeds or a person closes it; an unknown outcome waits for a person.
        revoke_next_at: done || unknown ? null : new Date(now.getTime() + scheduleStep(schedule, tries) * 60_000),
        outcome_unknown: unknown ? true : delivery.outcome_unknown,
        last_error: done ? null : `Revoke: ${result.message}`,
        locked_until: null,
      }
    }
    const { recorded, delivery: after } = await service.recordFencedAttempt({
      delivery_id: delivery.id,
      lease_token: plan.lease_token,
      attempt_id: attempt.id,
      attempt: {
        outcome: result.outcome,
        message: result.message,
        ...(result.request ? { request: result.request } : {}),
        response: result.response ?? null,
        duration_ms: Math.max(0, Date.now() - attempt.started_at),
      },
      update,
    })
    const updated = after as unknown as DeliveryDTO
    const changed = recorded && (updated.status !== delivery.status || updated.status === "delivered" || plan.kind === "revoke")
    return new StepResponse<RecordedDeliveryOutcome>({ delivery: updated, recorded, changed, message: result.message })
  }
)
