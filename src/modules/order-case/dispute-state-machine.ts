import { MedusaError } from "@medusajs/framework/utils"

/** Why the cardholder disputes (the seed's list plus "other"). */
export const DISPUTE_REASONS = [
  "fraudulent",
  "product_not_received",
  "product_unacceptable",
  "duplicate",
  "subscription_canceled",
  "credit_not_processed",
  "unrecognized",
  "other",
] as const
export type DisputeReason = (typeof DISPUTE_REASONS)[number]

/** Dispute statuses. */
export const DISPUTE_STATUSES = ["needs_response", "under_review", "won", "lost", "accepted"] as const
export type DisputeStatus = (typeof DISPUTE_STATUSES)[number]

/** Statuses that close a dispute. */
export const CLOSED_DISPUTE_STATUSES: readonly DisputeStatus[] = ["won", "lost", "accepted"]
/** Closed statuses where the money went back to the cardholder. */
export const MONEY_LOST_DISPUTE_STATUSES: readonly DisputeStatus[] = ["lost", "accepted"]

export const DISPUTE_STATUS_LABELS: Record<DisputeStatus, string> = {
  needs_response: "Needs response",
  under_review: "Under review",
  won: "Won",
  lost: "Lost",
  accepted: "Accepted",
}

/**
 * Allowed moves. A gateway can send `needs_response` again after evidence
 * was asked for once more (Stripe's `warning_needs_response`), so
 * under_review → needs_response is allowed. Closed is final.
 */
export const DISPUTE_TRANSITIONS: Record<DisputeStatus, readonly DisputeStatus[]> = {
  needs_response: ["under_review", "won", "lost", "accepted"],
  under_review: ["needs_response", "won", "lost", "accepted"],
  won: [],
  lost: [],
  accepted: [],
}

/** True when a dispute may go from `from` to `to`. Staying put is not a move. */
export function canTransitionDispute(from: DisputeStatus, to: DisputeStatus): boolean {
  return DISPUTE_TRANSITIONS[from].includes(to)
}

/**
 * @throws MedusaError NOT_ALLOWED `status: cannot go from Won to Lost`.
 */
export function assertDisputeTransition(from: DisputeStatus, to: DisputeStatus): void {
  if (!canTransitionDispute(from, to)) {
    throw new MedusaError(
      MedusaError.Types.NOT_ALLOWED,
      `status: cannot go from ${DISPUTE_STATUS_LABELS[from]} to ${DISPUTE_STATUS_LABELS[to]}`
    )
  }
}
