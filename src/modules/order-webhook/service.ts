import { randomBytes } from "node:crypto"
import { InjectManager, InjectTransactionManager, MedusaContext, MedusaService } from "@medusajs/framework/utils"
import type { Context } from "@medusajs/framework/types"
import { newEntityId } from "../../utils/entity-id"
import { parsePluginOptions, type PluginOptions } from "../../options"
import { WebhookAttempt, WebhookDelivery, WebhookEndpoint, WebhookEvent, WebhookOrderReference } from "./models"

type Executor = { execute: (sql: string, params?: unknown[]) => Promise<Record<string, unknown>[]> }

/** The open transaction when there is one, else the manager. */
const db = (ctx: Context) => (ctx.transactionManager ?? ctx.manager) as unknown as Executor

/** A new signing secret: `whsec_` + base64 of 32 random bytes. */
export function generateWebhookSecret(): string {
  return `whsec_${randomBytes(32).toString("base64")}`
}

/** A new order reference: 26 random base32 characters after `oref_`. */
export function generateOrderReference(): string {
  const alphabet = "0123456789abcdefghjkmnpqrstvwxyz"
  return `oref_${[...randomBytes(26)].map((b) => alphabet[b % 32]).join("")}`
}

/** What goes into the outbox. */
export type EnqueueWebhookEventInput = {
  type: string
  version: number
  dedupe_key: string
  order_id: string | null
  is_test: boolean
  payload: Record<string, unknown>
  occurred_at: Date
  /** Only this endpoint (the test event), whatever it subscribes to. */
  only_endpoint_id?: string
}

/** A delivery leased for one attempt. */
export type LeasedWebhookDelivery = { id: string; endpoint_id: string; lease_token: number; attempt?: WebhookDeliveryForAttempt }

/** What one attempt needs: the delivery with its endpoint and event. */
export type WebhookDeliveryForAttempt = {
  delivery: { id: string; status: string; attempt_count: number; endpoint_id: string }
  endpoint: {
    id: string
    url: string
    enabled: boolean
    secret: string
    previous_secret: string | null
    previous_secret_expires_at: Date | null
    failing_since: Date | null
  }
  event: { type: string; version: number; occurred_at: Date; payload: Record<string, unknown> }
}

/** An attempt's outcome, recorded only while the lease is still ours. */
export type RecordWebhookAttemptInput = {
  delivery_id: string
  lease_token: number
  attempt: number
  status_code: number | null
  duration_ms: number
  response_body: string | null
  error: string | null
  outcome: "succeeded" | "retry" | "failed"
  next_attempt_at: Date | null
  now: Date
  /** Disable the endpoint with this reason (410, failing for days). */
  disable_endpoint_reason: string | null
}

/** A joined delivery + endpoint + event row as {@link WebhookDeliveryForAttempt}. */
function toAttemptRow(row: Record<string, unknown>): WebhookDeliveryForAttempt {
  const date = (v: unknown) => (v ? new Date(v as string) : null)
  return {
    delivery: { id: row.id as string, status: row.status as string, attempt_count: Number(row.attempt_count), endpoint_id: row.endpoint_id as string },
    endpoint: {
      id: row.endpoint_id as string,
      url: row.url as string,
      enabled: Boolean(row.enabled),
      secret: row.secret as string,
      previous_secret: (row.previous_secret as string | null) ?? null,
      previous_secret_expires_at: date(row.previous_secret_expires_at),
      failing_since: date(row.failing_since),
    },
    event: {
      type: row.type as string,
      version: Number(row.version),
      occurred_at: new Date(row.occurred_at as string),
      payload: (typeof row.payload === "string" ? JSON.parse(row.payload) : row.payload) as Record<string, unknown>,
    },
  }
}

/**
 * Owns endpoints, the outbox of events, deliveries and their attempts, and
 * order references. The statements that must hold under concurrency — an
 * event enqueued once, a delivery leased by one process and counted against
 * its endpoint's limit, an outcome recorded only under the lease — are one
 * SQL statement or one transaction each.
 */
class OrderWebhookModuleService extends MedusaService({
  WebhookEndpoint,
  WebhookEvent,
  WebhookDelivery,
  WebhookAttempt,
  WebhookOrderReference,
}) {
  protected options_: PluginOptions

  constructor(container: Record<string, unknown>, options: unknown) {
    // eslint-disable-next-line prefer-rest-params
    super(...arguments)
    this.options_ = parsePluginOptions(options)
  }

  /** The validated plugin options. */
  getOptions(): PluginOptions {
    return this.options_
  }

  /**
   * Writes an event to the outbox and one delivery per endpoint that wants
   * it (enabled, subscribed, and opted in to test orders when it is one), in
   * one transaction. A second call with the same `dedupe_key` changes
   * nothing and returns the first event: a retried subscriber never makes a
   * second `webhook-id`.
   */
  @InjectTransactionManager()
  async enqueueEvent(
    input: EnqueueWebhookEventInput,
    @MedusaContext() sharedContext: Context = {}
  ): Promise<{ event_id: string; created: boolean; delivery_ids: string[] }> {
    const inserted = await db(sharedContext).execute(
      `insert into "webhook_event" ("id", "type", "version", "dedupe_key", "order_id", "is_test", "payload", "occurred_at")
       values (?, ?, ?, ?, ?, ?, ?::jsonb, ?)
       on conflict ("dedupe_key") where "deleted_at" is null do nothing
       returning "id"`,
      [newEntityId("whevt"), input.type, input.version, input.dedupe_key, input.order_id, input.is_test, JSON.stringify(input.payload), input.occurred_at]
    )
    if (!inserted.length) {
      const [existing] = await db(sharedContext).execute(`select "id" from "webhook_event" where "dedupe_key" = ? and "deleted_at" is null`, [input.dedupe_key])
      return { event_id: existing.id as string, created: false, delivery_ids: [] }
    }
    const event_id = inserted[0].id as string
    const endpoints = input.only_endpoint_id
      ? await db(sharedContext).execute(`select "id" from "webhook_endpoint" where "id" = ? and "deleted_at" is null`, [input.only_endpoint_id])
      : await db(sharedContext).execute(
          `select "id" from "webhook_endpoint"
           where "deleted_at" is null and "enabled" and "events" @> ?::jsonb and (not ? or "include_test_orders")`,
          [JSON.stringify([input.type]), input.is_test]
        )
    if (!endpoints.length) {
      return { event_id, created: true, delivery_ids: [] }
    }
    // One statement for every endpoint's delivery (the event is new: none exists yet).
    const rows = endpoints.map((endpoint) => [newEntityId("msg"), endpoint.id, event_id, input.type])
    const delivered = await db(sharedContext).execute(
      `insert into "webhook_delivery" ("id", "endpoint_id", "event_id", "event_type", "scheduled_from", "next_attempt_at")
       values ${rows.map(() => "(?, ?, ?, ?, now(), now())").join(", ")}
       on conflict ("endpoint_id", "event_id") where "deleted_at" is null do nothing
       returning "id"`,
      rows.flat()
    )
    return { event_id, created: true, delivery_ids: delivered.map((r) => r.id as string) }
  }

  /**
   * The deliveries with their endpoint and event, in ONE statement for the
   * whole batch (an attempt used to read them with three ORM queries each, a
   * large share of the sweep's cost). A delivery whose row, endpoint or
   * event is gone is left out.
   */
  @InjectManager()
  async loadDeliveriesForAttempt(delivery_ids: string[], @MedusaContext() sharedContext: Context = {}): Promise<WebhookDeliveryForAttempt[]> {
    if (!delivery_ids.length) {
      return []
    }
    const rows = await db(sharedContext).execute(
      `select d."id", d."status", d."attempt_count", d."endpoint_id",
              e."url", e."enabled", e."secret", e."previous_secret", e."previous_secret_expires_at", e."failing_since",
              v."type", v."version", v."occurred_at", v."payload"
       from "webhook_delivery" d
       join "webhook_endpoint" e on e."id" = d."endpoint_id" and e."deleted_at" is null
       join "webhook_event" v on v."id" = d."event_id" and v."deleted_at" is null
       where d."id" in (${delivery_ids.map(() => "?").join(", ")}) and d."deleted_at" is null`,
      delivery_ids
    )
    return rows.map(toAttemptRow)
  }

  /** One delivery of {@link loadDeliveriesForAttempt}; null when it (or its endpoint or event) is gone. */
  async loadDeliveryForAttempt(delivery_id: string, sharedContext: Context = {}): Promise<WebhookDeliveryForAttempt | null> {
    const [loaded] = await this.loadDeliveriesForAttempt([delivery_id], sharedContext)
    return loaded ?? null
  }

  /**
   * Leases up to `limit` deliveries due at `now`. Strict per-endpoint
   * limit, crash-safe: first the endpoints with due work are row-locked, in
   * id order (a concurrent leaser waits the few milliseconds this
   * transaction takes rather than skipping the endpoint, so an immediate
   * attempt is never lost to a neighbour's lease), then — in
   * a fresh statement, so the count sees every committed lease — each gets
   * at most `max_in_flight` minus its live leases. A lease is a time in the
   * row, so a killed worker's lease simply expires. Each lease bumps the
   * delivery's fencing token. `endpoint_id`: only that endpoint's deliveries
   * (an attempt batch taking its endpoint's next batch). `with_attempt_data`:
   * each lease also carries what its attempt needs (as
   * {@link loadDeliveriesForAttempt} reads it), joined in the same
   * statement, so the batch needs no read of its own.
   */
  async leaseDueDeliveries(input: LeaseDueDeliveriesInput, sharedContext: Context = {}): Promise<LeasedWebhookDelivery[]> {
    return input.endpoint_id ? this.leaseEndpointDeliveries_(input, sharedContext) : this.leaseAnyDueDeliveries_(input, sharedContext)
  }

  /** {@link leaseDueDeliveries} over every endpoint with due work: the lock, then the lease, in one transaction. */
  @InjectTransactionManager()
  protected async leaseAnyDueDeliveries_(input: LeaseDueDeliveriesInput, @MedusaContext() sharedContext: Context = {}): Promise<LeasedWebhookDelivery[]> {
    const ids = input.delivery_ids ?? []
    const only = ids.length ? `and d."id" in (${ids.map(() => "?").join(", ")})` : ""
    const endpoints = await db(sharedContext).execute(
      `select e."id" from "webhook_endpoint" e
       where e."deleted_at" is null and e."enabled" and exists (
         select 1 from "webhook_delivery" d
         where d."endpoint_id" = e."id" and d."deleted_at" is null and d."status" = 'pending'
           and d."next_attempt_at" <= ? and (d."locked_until" is null or d."locked_until" < ?) ${only})
       order by e."id"
       for update of e`,
      [input.now, input.now, ...ids]
    )
    if (!endpoints.length) {
      return []
    }
    const lease = leaseStatement(input, endpoints.map((e) => e.id as string))
    return toLeases(input, await db(sharedContext).execute(lease.sql, lease.params))
  }

  /**
   * {@link leaseDueDeliveries} of one endpoint (an attempt batch taking its
   * endpoint's next batch), in ONE round trip: the endpoint's row lock and
   * the lease are two statements of one message, which PostgreSQL runs as
   * one transaction (the lock is held until the lease is written) and, under
   * READ COMMITTED, each with its own snapshot, so the count of live leases
   * still sees every lease committed before the lock was granted.
   */
  @InjectManager()
  protected async leaseEndpointDeliveries_(input: LeaseDueDeliveriesInput, @MedusaContext() sharedContext: Context = {}): Promise<LeasedWebhookDelivery[]> {
    const lease = leaseStatement(input, [input.endpoint_id!])
    // Both statements' parameters are written into the text (as every `execute` here does), so
    // pg sends one simple-query message, and answers with each statement's rows.
    const [, rows] = (await db(sharedContext).execute(`select "id" from "webhook_endpoint" where "id" = ? for update;
${lease.sql}`, [
      input.endpoint_id,
      ...lease.params,
    ])) as unknown as Record<string, unknown>[][]
    return toLeases(input, rows ?? [])
  }

  /**
   * Records one attempt (see {@link recordAttempts}).
   *
   * @returns false when the lease was lost.
   */
  async recordAttempt(input: RecordWebhookAttemptInput, sharedContext: Context = {}): Promise<boolean> {
    const [recorded] = await this.recordAttempts([input], sharedContext)
    return recorded
  }

  /**
   * Records a batch of attempts in ONE statement, whatever its size (data-
   * modifying CTEs: atomic, and one round trip instead of a transaction of
   * five or more per attempt): each delivery moves only if it is still
   * leased under its `lease_token` (else another process took it over after
   * our lease ran out, and nothing is written for it); the attempts of the
   * moved deliveries are logged; each endpoint's `failing_since` is cleared
   * by any success in the batch (an endpoint that answered 2xx is up) and
   * otherwise set by its first failure; endpoints are disabled where asked.
   *
   * @returns per input, in order, whether it was recorded (false: the lease was lost).
   */
  @InjectManager()
  async recordAttempts(inputs: RecordWebhookAttemptInput[], @MedusaContext() sharedContext: Context = {}): Promise<boolean[]> {
    if (!inputs.length) {
      return []
    }
    const rowsSql = inputs
      .map(() => "(?::text, ?::int, ?::text, ?::int, ?::timestamptz, ?::int, ?::text, ?::timestamptz, ?::text, ?::int, ?::text, ?::text, ?::timestamptz, ?::text)")
      .join(", ")
    const params = inputs.flatMap((input) => {
      const status = input.outcome === "retry" ? (input.next_attempt_at ? "pending" : "failed") : input.outcome
      return [
        input.delivery_id,
        input.lease_token,
        status,
        input.attempt,
        status === "pending" ? input.next_attempt_at : null,
        input.status_code,
        input.error,
        status === "succeeded" ? input.now : null,
        newEntityId("whatt"),
        input.duration_ms,
        input.response_body,
        input.outcome,
        input.now,
        input.disable_endpoint_reason,
      ]
    })
    const moved = await db(sharedContext).execute(
      `with v ("id", "lease_token", "status", "attempt", "next_attempt_at", "status_code", "error", "delivered_at",
               "attempt_id", "duration_ms", "response_body", "outcome", "now", "disable_reason") as (values ${rowsSql}),
       moved as (
         update "webhook_delivery" d set "status" = v."status", "attempt_count" = v."attempt", "next_attempt_at" = v."next_attempt_at",
           "locked_until" = null, "last_status_code" = v."status_code", "last_error" = v."error",
           "delivered_at" = coalesce(v."delivered_at", d."delivered_at"), "updated_at" = now()
         from v
         where d."id" = v."id" and d."lease_token" = v."lease_token" and d."status" = 'pending'
         returning d."id", d."endpoint_id"
       ),
       logged as (
         insert into "webhook_attempt" ("id", "delivery_id", "endpoint_id", "attempt", "status_code", "duration_ms", "response_body", "error", "outcome")
         select v."attempt_id", v."id", m."endpoint_id", v."attempt", v."status_code", v."duration_ms", v."response_body", v."error", v."outcome"
         from moved m join v on v."id" = m."id"
       ),
       per_endpoint as (
         select m."endpoint_id", bool_or(v."outcome" = 'succeeded') as "up", min(v."now") as "first_failure_at",
                max(v."disable_reason") as "disable_reason"
         from moved m join v on v."id" = m."id"
         group by m."endpoint_id"
       ),
       endpoints as (
         update "webhook_endpoint" e set
           "failing_since" = case when p."up" then null else coalesce(e."failing_since", p."first_failure_at") end,
           "enabled" = e."enabled" and p."disable_reason" is null,
           "disabled_reason" = case when e."enabled" and p."disable_reason" is not null then p."disable_reason" else e."disabled_reason" end,
           "updated_at" = case when e."enabled" and p."disable_reason" is not null then now() else e."updated_at" end
         from per_endpoint p
         where e."id" = p."endpoint_id"
           and (p."disable_reason" is not null or e."failing_since" is distinct from (case when p."up" then null else coalesce(e."failing_since", p."first_failure_at") end))
       )
       select "id" from moved`,
      params
    )
    const recorded = new Set(moved.map((r) => r.id as string))
    return inputs.map((input) => recorded.has(input.delivery_id))
  }

  /**
   * Puts deliveries back in the queue, due at `now`, keeping their id (the
   * `webhook-id` stays the same) and starting the schedule afresh.
   */
  @InjectManager()
  async requeueDeliveries(input: { ids: string[]; now: Date }, @MedusaContext() sharedContext: Context = {}): Promise<string[]> {
    if (!input.ids.length) return []
    const rows = await db(sharedContext).execute(
      `update "webhook_delivery" set "status" = 'pending', "attempt_count" = 0, "scheduled_from" = ?, "next_attempt_at" = ?,
         "locked_until" = null, "updated_at" = now()
       where "id" in (${input.ids.map(() => "?").join(", ")}) and "deleted_at" is null and "status" in ('failed', 'succeeded')
       returning "id"`,
      [input.now, input.now, ...input.ids]
    )
    return rows.map((r) => r.id as string)
  }

  /**
   * Whether an enabled endpoint subscribes to one of these types (test-order
   * opt-in aside): one indexed read, so that a change nobody listens for
   * costs no order read and writes nothing to the outbox.
   */
  @InjectManager()
  async anyEndpointWants(types: string[], @MedusaContext() sharedContext: Context = {}): Promise<boolean> {
    if (!types.length) {
      return false
    }
    const rows = await db(sharedContext).execute(
      `select 1 from "webhook_endpoint" e
       where e."deleted_at" is null and e."enabled"
         and exists (select 1 from jsonb_array_elements_text(e."events") t(v) where t.v in (${types.map(() => "?").join(", ")}))
       limit 1`,
      types
    )
    return rows.length > 0
  }

  /** The order's reference, created on first use (concurrent first uses agree). */
  async ensureOrderReference(order_id: string, sharedContext: Context = {}): Promise<string> {
    return (await this.ensureOrderReferences([order_id], sharedContext))[order_id]
  }

  /**
   * The references of several orders (or shipments), each created on first
   * use, in two statements whatever their number; concurrent first uses agree.
   *
   * @returns reference by id.
   */
  @InjectManager()
  async ensureOrderReferences(ids: string[], @MedusaContext() sharedContext: Context = {}): Promise<Record<string, string>> {
    const unique = [...new Set(ids)]
    if (!unique.length) {
      return {}
    }
    await db(sharedContext).execute(
      `insert into "webhook_order_reference" ("id", "order_id", "reference")
       values ${unique.map(() => "(?, ?, ?)").join(", ")}
       on conflict ("order_id") where "deleted_at" is null do nothing`,
      unique.flatMap((id) => [newEntityId("whref"), id, generateOrderReference()])
    )
    const rows = await db(sharedContext).execute(
      `select "order_id", "reference" from "webhook_order_reference" where "order_id" in (${unique.map(() => "?").join(", ")}) and "deleted_at" is null`,
      unique
    )
    return Object.fromEntries(rows.map((r) => [r.order_id as string, r.reference as string]))
  }
}

/** Input of {@link OrderWebhookModuleService.leaseDueDeliveries}. */
export type LeaseDueDeliveriesInput = {
  now: Date
  limit: number
  lease_seconds: number
  delivery_ids?: string[]
  endpoint_id?: string
  with_attempt_data?: boolean
}

/**
 * The lease itself, once the endpoints are row-locked: each locked endpoint
 * gets at most `max_in_flight` minus its live leases, oldest due first, at
 * most `limit` in all; each lease bumps the delivery's fencing token.
 */
function leaseStatement(input: LeaseDueDeliveriesInput, endpointIds: string[]): { sql: string; params: unknown[] } {
  const ids = input.delivery_ids ?? []
  const only = ids.length ? `and d."id" in (${ids.map(() => "?").join(", ")})` : ""
  const sql = `with slots as (
       select e."id", e."max_in_flight" - (
         select count(*) from "webhook_delivery" x
         where x."endpoint_id" = e."id" and x."deleted_at" is null and x."status" = 'pending'
           and x."locked_until" is not null and x."locked_until" >= ?
       ) as "free"
       from "webhook_endpoint" e where e."id" in (${endpointIds.map(() => "?").join(", ")}) and e."deleted_at" is null and e."enabled"
     ), candidates as (
       select c."id", c."next_attempt_at"
       from slots s cross join lateral (
         select d."id", d."next_attempt_at" from "webhook_delivery" d
         where d."endpoint_id" = s."id" and d."deleted_at" is null and d."status" = 'pending'
           and d."next_attempt_at" <= ? and (d."locked_until" is null or d."locked_until" < ?) ${only}
         order by d."next_attempt_at", d."id"
         limit greatest(s."free", 0)
       ) c
     ), picked as (
       select c."id" from candidates c order by c."next_attempt_at", c."id" limit ?
     )${input.with_attempt_data ? "," : ""}
     ${input.with_attempt_data ? "leased as (" : ""}
     update "webhook_delivery" d
     set "locked_until" = ?::timestamptz + (? * interval '1 second'), "lease_token" = d."lease_token" + 1, "updated_at" = now()
     from picked where d."id" = picked."id"
     returning d."id", d."endpoint_id", d."lease_token", d."status", d."attempt_count", d."event_id"
     ${
       input.with_attempt_data
         ? `) select l."id", l."endpoint_id", l."lease_token", l."status", l."attempt_count",
              e."url", e."enabled", e."secret", e."previous_secret", e."previous_secret_expires_at", e."failing_since",
              v."type", v."version", v."occurred_at", v."payload"
            from leased l
            join "webhook_endpoint" e on e."id" = l."endpoint_id" and e."deleted_at" is null
            join "webhook_event" v on v."id" = l."event_id" and v."deleted_at" is null`
         : ""
     }`
  return { sql, params: [input.now, ...endpointIds, input.now, input.now, ...ids, input.limit, input.now, input.lease_seconds] }
}

function toLeases(input: LeaseDueDeliveriesInput, rows: Record<string, unknown>[]): LeasedWebhookDelivery[] {
  return rows.map((r) => ({
    id: r.id as string,
    endpoint_id: r.endpoint_id as string,
    lease_token: Number(r.lease_token),
    ...(input.with_attempt_data ? { attempt: toAttemptRow(r) } : {}),
  }))
}

export default OrderWebhookModuleService
