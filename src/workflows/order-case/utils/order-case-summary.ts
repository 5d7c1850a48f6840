import {
  CLOSED_DISPUTE_STATUSES,
  MONEY_LOST_DISPUTE_STATUSES,
  type DisputeStatus,
} from "../../../modules/order-case/dispute-state-machine"

type When = Date | string | null | undefined

/** What the `order_status` row keeps of an order's case, plus the disputed amount for the payment status. */
export type OrderCaseSummary = {
  hold_reason: string | null
  held_since: Date | null
  order_label_id: string | null
  order_label_name: string | null
  order_label_color: string | null
  dispute_status: string | null
  dispute_due_at: Date | null
  /** Sum of lost and accepted disputes: makes the payment status `disputed`. */
  disputed_amount: number
}

export type OrderCaseSources = {
  /** The order's active hold, if any. */
  hold?: { reason: string; placed_at: When } | null
  label?: { id: string; name: string; color: string } | null
  disputes: { status: string; amount: number | string; evidence_due_by: When; opened_at: When }[]
}

const time = (value: When) => (value ? new Date(value).getTime() : 0)

/**
 * Summarises one order's case for its `order_status` row. Pure. The
 * dispute shown is the most pressing: an open one with the nearest due date
 * (undated last), else the most recently opened closed one. The due date is
 * only set while a dispute is open.
 */
export function summarizeOrderCase(sources: OrderCaseSources): OrderCaseSummary {
  const open = sources.disputes
    .filter((d) => !CLOSED_DISPUTE_STATUSES.includes(d.status as DisputeStatus))
    .sort((a, b) => (time(a.evidence_due_by) || Infinity) - (time(b.evidence_due_by) || Infinity))
  const closed = sources.disputes
    .filter((d) => CLOSED_DISPUTE_STATUSES.includes(d.status as DisputeStatus))
    .sort((a, b) => time(b.opened_at) - time(a.opened_at))
  const shown = open[0] ?? closed[0] ?? null
  const due = open.find((d) => d.evidence_due_by)?.evidence_due_by
  return {
    hold_reason: sources.hold?.reason ?? null,
    held_since: sources.hold?.placed_at ? new Date(sources.hold.placed_at) : null,
    order_label_id: sources.label?.id ?? null,
    order_label_name: sources.label?.name ?? null,
    order_label_color: sources.label?.color ?? null,
    dispute_status: shown?.status ?? null,
    dispute_due_at: due ? new Date(due) : null,
    disputed_amount: sources.disputes
      .filter((d) => MONEY_LOST_DISPUTE_STATUSES.includes(d.status as DisputeStatus))
      .reduce((sum, d) => sum + (Number(d.amount) || 0), 0),
  }
}
