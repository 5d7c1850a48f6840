import type { ActorType, TimelineEntry } from "../../../types"

type DateLike = Date | string | null | undefined

/** The slice of a core order the timeline reads (see `CORE_HISTORY_FIELDS`). */
export type CoreOrderHistorySource = {
  id: string
  display_id?: number | null
  created_at: DateLike
  canceled_at?: DateLike
  email?: string | null
  customer_id?: string | null
  currency_code?: string | null
  payment_collections?: Array<{
    payments?: Array<{
      id: string
      amount?: unknown
      currency_code?: string | null
      provider_id?: string | null
      created_at?: DateLike
      canceled_at?: DateLike
      captures?: Array<{ id: string; amount?: unknown; created_at?: DateLike; created_by?: string | null }> | null
      refunds?: Array<{
        id: string
        amount?: unknown
        note?: string | null
        created_at?: DateLike
        created_by?: string | null
        refund_reason?: { label?: string | null } | null
      }> | null
    }> | null
  }> | null
  fulfillments?: Array<{
    id: string
    created_at?: DateLike
    packed_at?: DateLike
    shipped_at?: DateLike
    delivered_at?: DateLike
    canceled_at?: DateLike
    created_by?: string | null
    items?: Array<{ quantity?: unknown }> | null
    labels?: Array<{ tracking_number?: string | null; tracking_url?: string | null }> | null
  }> | null
  returns?: Array<{
    id: string
    display_id?: number | null
    created_at?: DateLike
    requested_at?: DateLike
    received_at?: DateLike
    canceled_at?: DateLike
    created_by?: string | null
    items?: Array<{ quantity?: unknown; received_quantity?: unknown }> | null
  }> | null
}

/** An order change (edit, transfer, claim, exchange…) from the order module. */
export type CoreOrderChange = {
  id: string
  change_type?: string | null
  status?: string | null
  created_at?: DateLike
  created_by?: string | null
  requested_by?: string | null
  confirmed_at?: DateLike
  confirmed_by?: string | null
  declined_at?: DateLike
  declined_by?: string | null
  declined_reason?: string | null
  canceled_at?: DateLike
  canceled_by?: string | null
  claim_id?: string | null
  exchange_id?: string | null
  return_id?: string | null
}

/** Fields to load on the order for {@link buildCoreHistory}. */
export const CORE_HISTORY_FIELDS = [
  "id",
  "display_id",
  "created_at",
  "canceled_at",
  "email",
  "customer_id",
  "currency_code",
  "payment_collections.payments.id",
  "payment_collections.payments.amount",
  "payment_collections.payments.currency_code",
  "payment_collections.payments.provider_id",
  "payment_collections.payments.created_at",
  "payment_collections.payments.canceled_at",
  "payment_collections.payments.captures.id",
  "payment_collections.payments.captures.amount",
  "payment_collections.payments.captures.created_at",
  "payment_collections.payments.captures.created_by",
  "payment_collections.payments.refunds.id",
  "payment_collections.payments.refunds.amount",
  "payment_collections.payments.refunds.note",
  "payment_collections.payments.refunds.created_at",
  "payment_collections.payments.refunds.created_by",
  "payment_collections.payments.refunds.refund_reason.label",
  "fulfillments.id",
  "fulfillments.created_at",
  "fulfillments.packed_at",
  "fulfillments.shipped_at",
  "fulfillments.delivered_at",
  "fulfillments.canceled_at",
  "fulfillments.created_by",
  "fulfillments.items.quantity",
  "fulfillments.labels.tracking_number",
  "fulfillments.labels.tracking_url",
  "returns.id",
  "returns.display_id",
  "returns.created_at",
  "returns.requested_at",
  "returns.received_at",
  "returns.canceled_at",
  "returns.created_by",
  "returns.items.quantity",
  "returns.items.received_quantity",
]

/** Fields to load on order changes for {@link buildCoreHistory}. */
export const CORE_CHANGE_FIELDS = [
  "id",
  "change_type",
  "status",
  "created_at",
  "created_by",
  "requested_by",
  "confirmed_at",
  "confirmed_by",
  "declined_at",
  "declined_by",
  "declined_reason",
  "canceled_at",
  "canceled_by",
  "claim_id",
  "exchange_id",
  "return_id",
]

/**
 * Order change types that already show up through returns, or are internal
 * bookkeeping of other flows; they would only repeat an entry.
 */
const CHANGE_TYPES_COVERED_ELSEWHERE = new Set(["return_request", "return_receive"])

const CHANGE_KIND: Record<string, string> = {
  edit: "order.edited",
  transfer: "order.transferred",
  claim: "claim.created",
  exchange: "exchange.created",
  update_order: "order.updated",
  credit_line: "order.credit_line_added",
}

function iso(value: DateLike): string | null {
  if (!value) {
    return null
  }
  const date = value instanceof Date ? value : new Date(value)
  return Number.isNaN(date.getTime()) ? null : date.toISOString()
}

/** Medusa big numbers arrive as numbers, strings or `{ numeric }` objects. */
function num(value: unknown): number | null {
  if (value === null || value === undefined) {
    return null
  }
  if (typeof value === "number") {
    return value
  }
  if (typeof value === "string") {
    const n = Number(value)
    return Number.isFinite(n) ? n : null
  }
  if (typeof value === "object" && value !== null && "numeric" in value) {
    return num((value as { numeric: unknown }).numeric)
  }
  return null
}

function sumQuantities(items?: Array<{ quantity?: unknown }> | null): number {
  return (items ?? []).reduce((total, item) => total + (num(item.quantity) ?? 0), 0)
}

function actorFor(id: string | null | undefined, fallback: ActorType = "system") {
  // Core stores the acting user's id in `created_by`/`confirmed_by`; customers
  // act through the store API and leave those empty.
  return id ? { type: "user" as ActorType, id } : { type: fallback, id: null }
}

/**
 * Turns a core order (its payments, fulfillments, returns and changes) into
 * timeline entries. Pure: the same order always gives the same entries, each
 * with a stable id of the form `<kind>:<record id>`.
 */
export function buildCoreHistory(
  order: CoreOrderHistorySource,
  changes: CoreOrderChange[] = []
): TimelineEntry[] {
  const entries: TimelineEntry[] = []
  const push = (
    kind: string,
    at: DateLike,
    resource: { type: string; id: string },
    actor: { type: ActorType; id: string | null },
    data: Record<string, unknown> = {}
  ) => {
    const occurred = iso(at)
    if (!occurred) {
      return
    }
    entries.push({
      id: `${kind}:${resource.id}`,
      kind,
      source: "core",
      occurred_at: occurred,
      actor,
      resource,
      data,
    })
  }

  const orderRef = { type: "order", id: order.id }
  push(
    "order.placed",
    order.created_at,
    orderRef,
    order.customer_id ? { type: "customer", id: order.customer_id } : { type: "system", id: null },
    { display_id: order.display_id ?? null, email: order.email ?? null }
  )
  push("order.canceled", order.canceled_at, orderRef, { type: "system", id: null })

  for (const collection of order.payment_collections ?? []) {
    for (const payment of collection.payments ?? []) {
      const currency = payment.currency_code ?? order.currency_code ?? null
      const ref = { type: "payment", id: payment.id }
      push("payment.authorized", payment.created_at, ref, { type: "system", id: null }, {
        amount: num(payment.amount),
        currency_code: currency,
        provider_id: payment.provider_id ?? null,
      })
      push("payment.canceled", payment.canceled_at, ref, { type: "system", id: null }, {
        amount: num(payment.amount),
        currency_code: currency,
      })
      for (const capture of payment.captures ?? []) {
        push(
          "payment.captured",
          capture.created_at,
          { type: "capture", id: capture.id },
          actorFor(capture.created_by),
          { amount: num(capture.amount), currency_code: currency, payment_id: payment.id }
        )
      }
      for (const refund of payment.refunds ?? []) {
        push(
          "payment.refunded",
          refund.created_at,
          { type: "refund", id: refund.id },
          actorFor(refund.created_by),
          {
            amount: num(refund.amount),
            currency_code: currency,
            payment_id: payment.id,
            reason: refund.refund_reason?.label ?? null,
            note: refund.note ?? null,
          }
        )
      }
    }
  }

  for (const fulfillment of order.fulfillments ?? []) {
    const ref = { type: "fulfillment", id: fulfillment.id }
    const items = sumQuantities(fulfillment.items)
    const tracking = (fulfillment.labels ?? [])
      .map((label) => ({ number: label.tracking_number ?? null, url: label.tracking_url ?? null }))
      .filter((label) => label.number || label.url)
    push("fulfillment.created", fulfillment.created_at, ref, actorFor(fulfillment.created_by), {
      item_count: items,
    })
    push("fulfillment.packed", fulfillment.packed_at, ref, { type: "system", id: null }, {
      item_count: items,
    })
    push("fulfillment.shipped", fulfillment.shipped_at, ref, { type: "system", id: null }, {
      item_count: items,
      tracking,
    })
    push("fulfillment.delivered", fulfillment.delivered_at, ref, { type: "system", id: null }, {
      item_count: items,
    })
    push("fulfillment.canceled", fulfillment.canceled_at, ref, { type: "system", id: null }, {
      item_count: items,
    })
  }

  for (const ret of order.returns ?? []) {
    const ref = { type: "return", id: ret.id }
    const requested = sumQuantities(ret.items)
    const received = (ret.items ?? []).reduce(
      (total, item) => total + (num(item.received_quantity) ?? 0),
      0
    )
    const data = { display_id: ret.display_id ?? null, item_count: requested }
    push("return.requested", ret.requested_at ?? ret.created_at, ref, actorFor(ret.created_by), data)
    push("return.received", ret.received_at, ref, { type: "system", id: null }, {
      ...data,
      received_count: received,
    })
    push("return.canceled", ret.canceled_at, ref, { type: "system", id: null }, data)
  }

  for (const change of changes) {
    const type = change.change_type ?? "edit"
    if (CHANGE_TYPES_COVERED_ELSEWHERE.has(type)) {
      continue
    }
    const kind = CHANGE_KIND[type] ?? `order.${type}`
    const ref = { type: "order_change", id: change.id }
    const data = {
      change_type: type,
      claim_id: change.claim_id ?? null,
      exchange_id: change.exchange_id ?? null,
    }
    if (type === "transfer") {
      push("order.transfer_requested", change.created_at, ref, actorFor(change.created_by ?? change.requested_by), data)
    }
    push(kind, change.confirmed_at, ref, actorFor(change.confirmed_by), data)
    push(`${kind}.declined`, change.declined_at, ref, actorFor(change.declined_by), {
      ...data,
      reason: change.declined_reason ?? null,
    })
    push(`${kind}.canceled`, change.canceled_at, ref, actorFor(change.canceled_by), data)
  }

  return entries
}
