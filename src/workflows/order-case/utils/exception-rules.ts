/**
 * The exceptions inbox: every order that needs a person, and why. Each rule
 * is one named SQL query over the plugin's own tables and the `order_status`
 * read model, answering rows `(order_id, rule, since, resource_id, detail)`;
 * the inbox owns no table, so resolving the cause clears the row. Raw SQL
 * on purpose: the inbox is one UNION over five modules' tables, which no
 * module service may read, sorted and paged in the database (see the
 * benchmark in docs/benchmarks.md).
 */

/** Thresholds of the rules (the `exceptions` plugin option, with these defaults). */
export type ExceptionThresholds = {
  /** A label bought and not scanned by the carrier after this many days. */
  label_unscanned_days: number
  /** Paid and not fulfilled after this many hours (orders of a type without its own SLA). */
  paid_unfulfilled_hours: number
  /** The SLA in hours per shipping option type code, where it differs from the default. */
  paid_unfulfilled_hours_by_type: Record<string, number>
  /** A label refund still pending after this many days. */
  refund_pending_days: number
  /** On hold for longer than this many days. */
  hold_days: number
  /** Void unscanned labels by themselves before the carrier's void window closes. */
  auto_void_unscanned_labels: boolean
  /** Days after purchase the carrier still voids a label. */
  label_void_window_days: number
  /** Auto-void this many days before that window closes. */
  auto_void_days_before_deadline: number
}

export const DEFAULT_EXCEPTION_THRESHOLDS: ExceptionThresholds = {
  label_unscanned_days: 3,
  paid_unfulfilled_hours: 48,
  paid_unfulfilled_hours_by_type: {},
  refund_pending_days: 14,
  hold_days: 3,
  auto_void_unscanned_labels: false,
  label_void_window_days: 30,
  auto_void_days_before_deadline: 2,
}

/**
 * The thresholds from the plugin's `exceptions` option: defaults filled in,
 * and a per-shipping-option-type SLA map split into its default and the rest.
 */
export function exceptionThresholdsFromOptions(
  options: Partial<Omit<ExceptionThresholds, "paid_unfulfilled_hours" | "paid_unfulfilled_hours_by_type">> & {
    paid_unfulfilled_hours?: number | Record<string, number>
  } = {}
): ExceptionThresholds {
  const { paid_unfulfilled_hours: sla, ...rest } = options
  const byType: Record<string, number> = typeof sla === "object" && sla ? { ...sla } : {}
  const fallback = typeof sla === "number" ? sla : byType.default ?? DEFAULT_EXCEPTION_THRESHOLDS.paid_unfulfilled_hours
  delete byType.default
  return { ...DEFAULT_EXCEPTION_THRESHOLDS, ...rest, paid_unfulfilled_hours: fallback, paid_unfulfilled_hours_by_type: byType }
}

/** One rule's SQL with its bindings. */
export type RuleQuery = { sql: string; bindings: unknown[] }

const ago = (now: Date, ms: number) => new Date(now.getTime() - ms)
const DAY = 24 * 60 * 60 * 1000
const HOUR = 60 * 60 * 1000

/** A label bought and not scanned by the carrier (its shipment still awaiting shipment) after N days. */
export function labelNotScannedRule(now: Date, t: ExceptionThresholds): RuleQuery {
  return {
    sql: `select l.order_id, 'label_not_scanned' as rule, l.purchased_at as since, l.id as resource_id,
            coalesce(l.carrier_name, l.carrier) || ' ' || coalesce(l.tracking_number, '') as detail
          from shipping_label l join shipment s on s.id = l.shipment_id and s.deleted_at is null
          where l.deleted_at is null and l.status = 'purchased' and s.status = 'awaiting_shipment'
            and l.purchased_at < ?`,
    bindings: [ago(now, t.label_unscanned_days * DAY)],
  }
}

/**
 * The labels the auto-void job voids: those {@link labelNotScannedRule}
 * lists, bought so long ago that the carrier's void window closes within
 * `auto_void_days_before_deadline` days, and still inside it. Oldest first.
 */
export function labelsToAutoVoidQuery(now: Date, t: ExceptionThresholds, limit: number): RuleQuery {
  const rule = labelNotScannedRule(now, t)
  const windowDays = t.label_void_window_days
  return {
    sql: `select r.resource_id as label_id, r.order_id from (${rule.sql}) r
          where r.since < ? and r.since > ?
          order by r.since asc, r.resource_id asc limit ?`,
    bindings: [
      ...rule.bindings,
      ago(now, Math.max(0, windowDays - t.auto_void_days_before_deadline) * DAY),
      ago(now, windowDays * DAY),
      limit,
    ],
  }
}

/** A shipment in Delivery failed. */
export function shipmentDeliveryFailedRule(): RuleQuery {
  return {
    sql: `select s.order_id, 'shipment_delivery_failed' as rule, coalesce(s.last_event_at, s.updated_at) as since,
            s.id as resource_id, coalesce(s.carrier, '') || ' ' || coalesce(s.tracking_number, '') as detail
          from shipment s where s.deleted_at is null and s.status = 'delivery_failed'`,
    bindings: [],
  }
}

/** A digital delivery failed, or whose last attempt's outcome is unknown. */
export function digitalDeliveryFailedRule(): RuleQuery {
  return {
    sql: `select d.order_id, case when d.status = 'failed' then 'delivery_failed' else 'delivery_outcome_unknown' end as rule,
            d.updated_at as since, d.id as resource_id, d.title as detail
          from delivery d
          where d.deleted_at is null and (d.status = 'failed' or (d.outcome_unknown = true and d.status <> 'delivered' and d.status <> 'revoked'))`,
    bindings: [],
  }
}

/**
 * A revoke that failed: the last revoke attempt did not succeed and the
 * delivery is not revoked. Read from the revoke attempts (partial index
 * `IDX_delivery_attempt_revoke`), newest per delivery, so its cost follows
 * the revokes ever attempted, not every delivery.
 */
export function revokeFailedRule(): RuleQuery {
  return {
    sql: `select d.order_id, 'revoke_failed' as rule, a.created_at as since, d.id as resource_id, a.message as detail
          from (
            select distinct on (x.delivery_id) x.delivery_id, x.outcome, x.created_at, x.message from delivery_attempt x
            where x.deleted_at is null and x.kind = 'revoke'
            order by x.delivery_id, x.created_at desc
          ) a
          join delivery d on d.id = a.delivery_id and d.deleted_at is null and d.status <> 'revoked'
          where a.outcome in ('failed', 'unknown', 'retry')`,
    bindings: [],
  }
}

/**
 * Paid and not fulfilled after N hours (canceled and test orders excluded),
 * N being the SLA of the order's shipping option type when it has its own
 * (`shipping_option_type` in the read model), else the default.
 */
export function paidNotFulfilledRule(now: Date, t: ExceptionThresholds): RuleQuery {
  const types = Object.entries(t.paid_unfulfilled_hours_by_type ?? {})
  const cutoff = types.length
    ? {
        sql: `case ${types.map(() => "when o.shipping_option_type = ? then ?::timestamptz").join(" ")} else ?::timestamptz end`,
        bindings: [...types.flatMap(([type, hours]) => [type, ago(now, hours * HOUR)]), ago(now, t.paid_unfulfilled_hours * HOUR)],
      }
    : { sql: "?", bindings: [ago(now, t.paid_unfulfilled_hours * HOUR)] }
  return {
    sql: `select o.order_id, 'paid_not_fulfilled' as rule, o.order_created_at as since, o.order_id as resource_id,
            o.shipping_option_type as detail
          from order_status o
          where o.deleted_at is null and o.payment_status = 'paid' and o.fulfillment_status = 'unfulfilled'
            and o.is_test = false and o.canceled_at is null and o.order_created_at < ${cutoff.sql}`,
    bindings: cutoff.bindings,
  }
}

/** A label refund still pending after N days, or rejected by the carrier. */
export function labelRefundStuckRule(now: Date, t: ExceptionThresholds): RuleQuery {
  return {
    sql: `select l.order_id, case when l.refund_status = 'rejected' then 'label_refund_rejected' else 'label_refund_pending' end as rule,
            coalesce(l.voided_at, l.updated_at) as since, l.id as resource_id,
            coalesce(l.carrier_name, l.carrier) || ' ' || coalesce(l.tracking_number, '') as detail
          from shipping_label l
          where l.deleted_at is null and (l.refund_status = 'rejected'
            or (l.refund_status in ('submitted', 'pending') and coalesce(l.voided_at, l.updated_at) < ?))`,
    bindings: [ago(now, t.refund_pending_days * DAY)],
  }
}

/** A dispute needing a response; `since` is its evidence due date, so the nearest comes first. */
export function disputeNeedsResponseRule(): RuleQuery {
  return {
    sql: `select p.order_id, 'dispute_needs_response' as rule, coalesce(p.evidence_due_by, p.opened_at) as since,
            p.id as resource_id, p.reason as detail
          from order_dispute p where p.deleted_at is null and p.status = 'needs_response'`,
    bindings: [],
  }
}

/** An order on hold for longer than N days. */
export function longHoldRule(now: Date, t: ExceptionThresholds): RuleQuery {
  return {
    sql: `select h.order_id, 'long_hold' as rule, h.placed_at as since, h.id as resource_id, h.reason as detail
          from order_hold h where h.deleted_at is null and h.released_at is null and h.placed_at < ?`,
    bindings: [ago(now, t.hold_days * DAY)],
  }
}

/** Every rule, by name. */
export const EXCEPTION_RULES = {
  label_not_scanned: labelNotScannedRule,
  shipment_delivery_failed: shipmentDeliveryFailedRule,
  delivery_failed: digitalDeliveryFailedRule,
  revoke_failed: revokeFailedRule,
  paid_not_fulfilled: paidNotFulfilledRule,
  label_refund: labelRefundStuckRule,
  dispute_needs_response: disputeNeedsResponseRule,
  long_hold: longHoldRule,
} as const

/** The row kinds the rules produce (a rule may produce two, e.g. failed / outcome unknown). */
export const EXCEPTION_KINDS = [
  "label_not_scanned",
  "shipment_delivery_failed",
  "delivery_failed",
  "delivery_outcome_unknown",
  "revoke_failed",
  "paid_not_fulfilled",
  "label_refund_pending",
  "label_refund_rejected",
  "dispute_needs_response",
  "long_hold",
] as const
export type ExceptionKind = (typeof EXCEPTION_KINDS)[number]

/** All rules as one UNION ALL. */
export function allRulesQuery(now: Date, t: ExceptionThresholds): RuleQuery {
  const parts = Object.values(EXCEPTION_RULES).map((rule) => rule(now, t))
  return {
    sql: parts.map((p) => `(${p.sql})`).join("\nunion all\n"),
    bindings: parts.flatMap((p) => p.bindings),
  }
}

/** A knex-like raw runner (`knex.raw`). */
export type RawRunner = { raw: (sql: string, bindings: unknown[]) => Promise<{ rows: Record<string, unknown>[] }> }

export type ExceptionRow = {
  order_id: string
  display_id: number | null
  email: string | null
  rule: ExceptionKind
  since: string
  resource_id: string
  detail: string | null
}

/**
 * The inbox page: rows of every rule (or one kind), joined to the order's
 * display id and email, oldest first (a dispute by its due date), paged;
 * plus the count per kind. One statement whatever the page size: the rules
 * are evaluated once (each over a partial index, so in time proportional to
 * the rows that match, not to the orders), counted, sorted and cut to the
 * page, and only the page is joined to `order_status`.
 */
export async function listOrderExceptions(
  db: RawRunner,
  params: { kind?: ExceptionKind; limit: number; offset: number; now: Date; thresholds: ExceptionThresholds }
): Promise<{ exceptions: ExceptionRow[]; count: number; counts: Record<string, number> }> {
  const all = allRulesQuery(params.now, params.thresholds)
  const where = params.kind ? `where e.rule = ?` : ""
  const { rows } = await db.raw(
    `with e as materialized (${all.sql}),
     counts as (select coalesce(json_object_agg(g.rule, g.n), '{}'::json) as counts
                from (select e.rule, count(*)::int as n from e group by e.rule) g),
     page as (select e.* from e ${where} order by e.since asc, e.order_id asc, e.resource_id asc limit ? offset ?)
     select c.counts, p.order_id, o.display_id, o.email, p.rule, p.since, p.resource_id, p.detail
     from counts c
     left join (page p left join order_status o on o.order_id = p.order_id and o.deleted_at is null) on true
     order by p.since asc, p.order_id asc, p.resource_id asc`,
    [...all.bindings, ...(params.kind ? [params.kind] : []), params.limit, params.offset]
  )
  const counts: Record<string, number> = Object.fromEntries(EXCEPTION_KINDS.map((k) => [k, 0]))
  for (const [rule, n] of Object.entries((rows[0]?.counts ?? {}) as Record<string, number>)) counts[rule] = Number(n)
  const count = params.kind ? counts[params.kind] ?? 0 : Object.values(counts).reduce((a, b) => a + b, 0)
  return {
    exceptions: rows
      .filter((r) => r.order_id != null)
      .map((r) => ({
        order_id: r.order_id as string,
        display_id: (r.display_id as number | null) ?? null,
        email: (r.email as string | null) ?? null,
        rule: r.rule as ExceptionKind,
        since: new Date(r.since as string).toISOString(),
        resource_id: r.resource_id as string,
        detail: ((r.detail as string | null) ?? null)?.trim() || null,
      })),
    count,
    counts,
  }
}
