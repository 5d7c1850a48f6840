import { defaultCurrencies } from "@medusajs/framework/utils"
import { DISPUTE_REASONS, type DisputeReason, type DisputeStatus } from "../../../modules/order-case/dispute-state-machine"

/** The part of Stripe's Dispute object we read (`charge.dispute.*` events carry it as `data.object`). */
export type StripeDisputeObject = {
  id: string
  amount: number
  currency: string
  charge?: string | { id: string } | null
  payment_intent?: string | { id: string } | null
  reason?: string | null
  status: string
  created?: number | null
  evidence_details?: { due_by?: number | null } | null
}

/** A Stripe dispute in our terms. */
export type MappedStripeDispute = {
  gateway_dispute_id: string
  payment_intent_id: string | null
  charge_id: string | null
  /** In the currency's main unit (Stripe sends minor units). */
  amount: number
  currency_code: string
  reason: DisputeReason
  status: DisputeStatus
  opened_at: Date
  evidence_due_by: Date | null
}

/**
 * Stripe's dispute statuses → ours. `warning_*` are inquiries (early
 * fraud warnings) and follow the same path; `prevented` (won before it
 * became a chargeback) counts as won. Anything unknown is `needs_response`,
 * the status that puts it in front of a person.
 */
export const STRIPE_DISPUTE_STATUS: Record<string, DisputeStatus> = {
  warning_needs_response: "needs_response",
  needs_response: "needs_response",
  warning_under_review: "under_review",
  under_review: "under_review",
  warning_closed: "won",
  won: "won",
  prevented: "won",
  lost: "lost",
}

const idOf = (value: string | { id: string } | null | undefined) =>
  typeof value === "string" ? value : value?.id ?? null

/** Maps Stripe's Dispute object onto a dispute row. Pure. */
export function mapStripeDispute(dispute: StripeDisputeObject): MappedStripeDispute {
  const currency = dispute.currency.toLowerCase()
  const digits = defaultCurrencies[currency.toUpperCase()]?.decimal_digits ?? 2
  const reason = (DISPUTE_REASONS as readonly string[]).includes(dispute.reason ?? "")
    ? (dispute.reason as DisputeReason)
    : "other"
  return {
    gateway_dispute_id: dispute.id,
    payment_intent_id: idOf(dispute.payment_intent),
    charge_id: idOf(dispute.charge),
    amount: dispute.amount / 10 ** digits,
    currency_code: currency,
    reason,
    status: STRIPE_DISPUTE_STATUS[dispute.status] ?? "needs_response",
    opened_at: dispute.created ? new Date(dispute.created * 1000) : new Date(),
    evidence_due_by: dispute.evidence_details?.due_by ? new Date(dispute.evidence_details.due_by * 1000) : null,
  }
}
