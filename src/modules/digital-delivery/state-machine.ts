import { MedusaError } from "@medusajs/framework/utils"
import type { AttemptOutcome, DeliveryStatus } from "./methods/types"

/** Display labels for delivery statuses. */
export const DELIVERY_STATUS_LABELS: Record<DeliveryStatus, string> = {
  pending: "Pending",
  delivered: "Delivered",
  failed: "Failed",
  awaiting_recipient: "Awaiting recipient",
  revoked: "Revoked",
}

/**
 * Allowed moves: pending → delivered | failed | awaiting_recipient;
 * awaiting_recipient → pending | delivered | failed; failed → pending (retry)
 * | delivered (marked by hand); delivered → revoked.
 */
export const DELIVERY_TRANSITIONS: Record<DeliveryStatus, DeliveryStatus[]> = {
  pending: ["delivered", "failed", "awaiting_recipient", "revoked"],
  awaiting_recipient: ["pending", "delivered", "failed", "revoked"],
  failed: ["pending", "delivered", "revoked"],
  delivered: ["revoked"],
  revoked: [],
}

export function canMoveDelivery(from: DeliveryStatus, to: DeliveryStatus): boolean {
  return from === to || DELIVERY_TRANSITIONS[from].includes(to)
}

/**
 * Refuses a move the table does not allow. Every write of a delivery's
 * status (attempt, revoke, manual actions) goes through it.
 *
 * @throws MedusaError NOT_ALLOWED naming both statuses.
 */
export function assertDeliveryTransition(from: DeliveryStatus, to: DeliveryStatus): void {
  if (!canMoveDelivery(from, to)) {
    throw new MedusaError(
      MedusaError.Types.NOT_ALLOWED,
      `status: a delivery cannot go from ${DELIVERY_STATUS_LABELS[from]} to ${DELIVERY_STATUS_LABELS[to]}`
    )
  }
}

/** Default retry schedule in minutes: 1 min, 5 min, 30 min, 2 h, 6 h, then Failed. */
export const DEFAULT_RETRY_MINUTES = [1, 5, 30, 120, 360]

/**
 * What an attempt's outcome does to a delivery after `attempts` attempts
 * (this one included). A retry waits for the schedule's next step, or for
 * the service's own Retry-After (`retryAfterMs`) when that is longer.
 */
export function nextDeliveryState(
  outcome: AttemptOutcome,
  attempts: number,
  schedule: number[],
  now = new Date(),
  retryAfterMs: number | null = null
): { status: DeliveryStatus; next_attempt_at: Date | null; outcome_unknown: boolean } {
  switch (outcome) {
    case "delivered":
    case "dry_run":
      return { status: "delivered", next_attempt_at: null, outcome_unknown: false }
    case "failed":
      return { status: "failed", next_attempt_at: null, outcome_unknown: false }
    case "unknown":
      return { status: "failed", next_attempt_at: null, outcome_unknown: true }
    case "retry":
    case "awaiting_recipient": {
      const wait = schedule[attempts - 1]
      if (wait === undefined) {
        return { status: "failed", next_attempt_at: null, outcome_unknown: false }
      }
      return {
        status: outcome === "retry" ? "pending" : "awaiting_recipient",
        next_attempt_at: new Date(now.getTime() + Math.max(wait * 60_000, retryAfterMs ?? 0)),
        outcome_unknown: false,
      }
    }
  }
}
