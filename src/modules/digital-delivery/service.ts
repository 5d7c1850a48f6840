import { createHmac, randomBytes, timingSafeEqual } from "node:crypto"
import {
  generateEntityId,
  InjectManager,
  InjectTransactionManager,
  MedusaContext,
  MedusaError,
  MedusaService,
} from "@medusajs/framework/utils"
import type { Context } from "@medusajs/framework/types"
import { parsePluginOptions, type PluginOptions } from "../../options"
import { Delivery, DeliveryAttempt, DeliveryFollowUp, DeliveryProduct, DownloadGrant, DownloadLog, LicenseCode, LicensePool } from "./models"
import { INSTRUCTIONS_SIBLING_WAIT_SECONDS, type FollowUpKind } from "./models/follow-up"
import { DeliveryMethodRegistry } from "./methods"

type Executor = { execute: (sql: string, params?: unknown[]) => Promise<Record<string, unknown>[]> }

/** Shortest lease; a longer one when a method's worst case needs it (see `DeliveryMethodRegistry.leaseSeconds`). */
export const DELIVERY_LEASE_SECONDS = 120

/** Shortest download secret accepted in production. */
export const MIN_DOWNLOAD_SECRET_LENGTH = 32

/** How long a follow-up run may hold its row before the sweep may take it again. */
export const FOLLOW_UP_LEASE_SECONDS = 60

/** Attempts before a follow-up is given up as `failed` (a person looks). */
export const FOLLOW_UP_MAX_ATTEMPTS = 12

/** Pause before a failed follow-up's next attempt: 30 s, doubling, at most an hour. */
export function followUpBackoffSeconds(attempts: number): number {
  return Math.min(3600, 30 * 2 ** Math.max(0, attempts - 1))
}

/** A follow-up row this process holds. */
export type FollowUpLease = {
  id: string
  order_id: string
  kind: FollowUpKind
  generation: number
  attempts: number
  covered_delivery_ids: string[]
}

/** What a download token says, once verified. */
export type DownloadTokenClaims = { grant_id: string; expires_at: Date }

/** A lease: the delivery and the fencing token it was taken with. */
export type DeliveryLease = {
  id: string
  method: string
  delivery_product_id: string | null
  lease_token: number
  /** Leased to run an owed revoke, not a delivery attempt. */
  revoke: boolean
}

/**
 * The download link secret: the option, else `ORDER_OPS_DOWNLOAD_SECRET`.
 * In production it must be there and at least 32 characters: the server
 * refuses to start otherwise. Never COOKIE_SECRET (often the starter's
 * default), never a built-in secret: outside production a missing secret
 * is a random one per process (links then work only in the process that
 * signed them), under jest a fixed test secret.
 *
 * @throws MedusaError INVALID_DATA in production without a long enough secret.
 */
export function resolveDownloadSecret(option: string | undefined, env: NodeJS.ProcessEnv = process.env): string {
  const secret = option ?? env.ORDER_OPS_DOWNLOAD_SECRET
  if (env.NODE_ENV === "production" && (!secret || secret.length < MIN_DOWNLOAD_SECRET_LENGTH)) {
    throw new MedusaError(
      MedusaError.Types.INVALID_DATA,
      `medusa-order-ops: invalid option "digital_delivery.download_secret": required in production, at least ${MIN_DOWNLOAD_SECRET_LENGTH} characters (or set ORDER_OPS_DOWNLOAD_SECRET)`
    )
  }
  if (secret) {
    return secret
  }
  return env.NODE_ENV === "test" || env.JEST_WORKER_ID ? "medusa-order-ops-test-download-secret-0123456789" : randomBytes(32).toString("base64url")
}

/**
 * Owns delivery products, license pools and codes, deliveries, their
 * attempt log and download grants — and the invariants that need one SQL
 * statement to hold under concurrency: a code is assigned once, a
 * delivery is attempted by one process at a time (a lease with a fencing
 * token), an outside target never has more than `per_target_concurrency`
 * leases open, and a download count never goes below zero.
 */
class DigitalDeliveryModuleService extends MedusaService({
  DeliveryProduct,
  LicensePool,
  LicenseCode,
  Delivery,
  DeliveryAttempt,
  DownloadGrant,
  DeliveryFollowUp,
  DownloadLog,
}) {
  protected options_: PluginOptions
  protected methods_: DeliveryMethodRegistry
  protected leaseSecondsOverride_: number | null = null
  protected readonly downloadSecret_: string

  constructor(container: Record<string, unknown>, options: unknown) {
    // eslint-disable-next-line prefer-rest-params
    super(...arguments)
    this.options_ = parsePluginOptions(options)
    this.methods_ = this.buildRegistry(this.options_.digital_delivery)
    this.downloadSecret_ = resolveDownloadSecret(this.options_.digital_delivery.download_secret)
  }

  private buildRegistry(dd: PluginOptions["digital_delivery"]): DeliveryMethodRegistry {
    return new DeliveryMethodRegistry({
      allow_private_targets: dd.allow_private_targets,
      discord_base_url: dd.discord_base_url,
      timeout_ms: dd.timeout_ms,
    })
  }

  getOptions(): PluginOptions {
    return this.options_
  }

  /** The delivery methods (the one registry), built with the plugin options. */
  getMethods(): DeliveryMethodRegistry {
    return this.methods_
  }

  /** Replaces the methods' options (tests point Discord at a local fake, shorten timeouts). */
  configureRemoteMethods(overrides: Partial<PluginOptions["digital_delivery"]>): void {
    const dd = { ...this.options_.digital_delivery, ...overrides }
    this.options_ = { ...this.options_, digital_delivery: dd }
    this.methods_ = this.buildRegistry(dd)
  }

  /**
   * Tests only: a lease shorter than the methods' worst case, to show that
   * an attempt overrunning its lease still changes nothing twice. Null
   * restores the computed lease.
   */
  overrideLeaseSecondsForTests(seconds: number | null): void {
    this.leaseSecondsOverride_ = seconds
  }

  /** How long a lease lasts: at least the slowest method's worst case, so no attempt outlives it. */
  leaseSeconds(): number {
    return this.leaseSecondsOverride_ ?? this.methods_.leaseSeconds(DELIVERY_LEASE_SECONDS)
  }

  /**
   * Leases the next delivery that has work due — an owed revoke first, else
   * an attempt (pending or awaiting the recipient, next attempt passed, no
   * revoke owed) — that nobody holds, raising its fencing token. An outside
   * target (webhook, RCON or Discord delivery product) with
   * `per_target_concurrency` leases open is skipped: the count is taken in
   * the database under a transaction-scoped advisory lock that serializes
   * lease statements, so it holds across sweeps, workers and processes.
   */
  @InjectTransactionManager()
  async leaseNextDueDelivery(@MedusaContext() sharedContext: Context = {}): Promise<DeliveryLease | null> {
    const db = sharedContext.transactionManager as unknown as Executor
    await db.execute(`select pg_advisory_xact_lock(hashtext('order-ops-delivery-lease'))`)
    const remote = this.methods_.remoteCodes()
    // Two statements rather than one OR, so each uses its partial index (IDX_delivery_revoke_due, IDX_delivery_due).
    const due = [
      `d."revoke_next_at" is not null and d."revoke_next_at" <= now()`,
      `d."revoke_requested_at" is null and d."status" in ('pending', 'awaiting_recipient')
       and d."next_attempt_at" is not null and d."next_attempt_at" <= now()
       -- an order on hold (order_case) waits: not failed, picked up once released (an owed revoke still runs)
       and not exists (select 1 from "order_hold" h where h."order_id" = d."order_id" and h."released_at" is null and h."deleted_at" is null)`,
    ]
    const order = [`d."revoke_next_at"`, `d."next_attempt_at"`]
    let rows: Record<string, unknown>[] = []
    for (let i = 0; i < due.length && !rows.length; i++) {
      rows = await db.execute(
        `update "delivery" set "locked_until" = now() + (? * interval '1 second'), "lease_token" = "lease_token" + 1, "updated_at" = now()
         where "id" = (
           select d."id" from "delivery" d
           where d."deleted_at" is null and ${due[i]}
             and (d."locked_until" is null or d."locked_until" < now())
             and ${this.targetFree("d", remote)}
           order by ${order[i]} asc
           limit 1
           for update skip locked
         )
         returning "id", "method", "delivery_product_id", "lease_token", ("revoke_next_at" is not null) as "revoke"`,
        [this.leaseSeconds(), ...remote, this.options_.digital_delivery.per_target_concurrency]
      )
    }
    return rows[0] ? toLease(rows[0]) : null
  }

  /**
   * Leases one delivery now (the first attempt after payment, a manual
   * retry, a revoke, a manual action). Null when another process holds it
   * or, with `respect_target_limit`, when its outside target is at its limit.
   */
  @InjectTransactionManager()
  async leaseDelivery(
    id: string,
    options: { respect_target_limit?: boolean } = {},
    @MedusaContext() sharedContext: Context = {}
  ): Promise<DeliveryLease | null> {
    const db = sharedContext.transactionManager as unknown as Executor
    await db.execute(`select pg_advisory_xact_lock(hashtext('order-ops-delivery-lease'))`)
    const remote = this.methods_.remoteCodes()
    const limit = options.respect_target_limit !== false
    const rows = await db.execute(
      `update "delivery" set "locked_until" = now() + (? * interval '1 second'), "lease_token" = "lease_token" + 1, "updated_at" = now()
       where "id" = (
         select d."id" from "delivery" d
         where d."id" = ? and d."deleted_at" is null and (d."locked_until" is null or d."locked_until" < now())
           ${limit ? `and ${this.targetFree("d", remote)}` : ""}
         for update skip locked
       )
       returning "id", "method", "delivery_product_id", "lease_token", ("revoke_next_at" is not null) as "revoke"`,
      [this.leaseSeconds(), id, ...(limit ? [...remote, this.options_.digital_delivery.per_target_concurrency] : [])]
    )
    return rows[0] ? toLease(rows[0]) : null
  }

  /** SQL: the delivery `alias` is not an outside target with its limit of open leases reached. */
  private targetFree(alias: string, remote: string[]): string {
    return `(${alias}."delivery_product_id" is null or ${alias}."method" not in (${remote.map(() => "?").join(", ")})
      or (select count(*) from "delivery" o where o."delivery_product_id" = ${alias}."delivery_product_id"
          and o."deleted_at" is null and o."locked_until" > now()) < ?)`
  }

  /** Gives a lease back, only if it is still the one taken with `lease_token`. */
  @InjectManager()
  async releaseLease(id: string, lease_token: number, @MedusaContext() sharedContext: Context = {}): Promise<boolean> {
    const rows = await (sharedContext.manager as unknown as Executor).execute(
      `update "delivery" set "locked_until" = null, "updated_at" = now() where "id" = ? and "lease_token" = ? returning "id"`,
      [id, lease_token]
    )
    return rows.length === 1
  }

  /**
   * Records an attempt's outcome (its `sending` row becomes the outcome) and
   * moves its delivery, in ONE transaction, only while `lease_token` is
   * still the delivery's: the row is locked first, so no lease can be taken
   * in between. When another worker has leased the delivery since, the
   * attempt is logged as `superseded` and the delivery is left untouched.
   */
  @InjectTransactionManager()
  async recordFencedAttempt(
    input: {
      delivery_id: string
      lease_token: number
      attempt_id: string
      attempt: Record<string, unknown> & { outcome: string; message: string }
      update: Record<string, unknown>
    },
    @MedusaContext() sharedContext: Context = {}
  ): Promise<{ recorded: boolean; delivery: Record<string, unknown> }> {
    const db = sharedContext.transactionManager as unknown as Executor
    const [row] = await db.execute(`select "lease_token" from "delivery" where "id" = ? for update`, [input.delivery_id])
    if (!row || Number(row.lease_token) !== input.lease_token) {
      await this.updateDeliveryAttempts(
        {
          id: input.attempt_id,
          ...input.attempt,
          outcome: "superseded",
          message: `Superseded (the lease had passed to another worker; nothing changed): ${input.attempt.outcome}: ${input.attempt.message}`,
        } as never,
        sharedContext
      )
      const delivery = await this.retrieveDelivery(input.delivery_id, {}, sharedContext)
      return { recorded: false, delivery: delivery as unknown as Record<string, unknown> }
    }
    await this.updateDeliveryAttempts({ id: input.attempt_id, ...input.attempt } as never, sharedContext)
    const delivery = await this.updateDeliveries({ id: input.delivery_id, ...input.update } as never, sharedContext)
    return { recorded: true, delivery: delivery as unknown as Record<string, unknown> }
  }

  /**
   * Assigns license codes to a delivery until it holds `quantity` of them:
   * codes it already holds count (a retry never takes more), new ones are
   * taken from the pool with a conditional UPDATE under row locks, so a code
   * can never go to two deliveries.
   *
   * @returns the delivery's codes, and how many were missing when the pool ran out.
   */
  @InjectManager()
  async assignLicenseCodes(
    delivery_id: string,
    pool_id: string,
    quantity: number,
    @MedusaContext() sharedContext: Context = {}
  ): Promise<{ codes: string[]; missing: number }> {
    const db = sharedContext.manager as unknown as Executor
    const held = await db.execute(
      `select "code" from "license_code" where "delivery_id" = ? and "deleted_at" is null order by "assigned_at", "id"`,
      [delivery_id]
    )
    const need = quantity - held.length
    let taken: Record<string, unknown>[] = []
    if (need > 0) {
      taken = await db.execute(
        `update "license_code" set "status" = 'assigned', "delivery_id" = ?, "assigned_at" = now(), "updated_at" = now()
         where "id" in (
           select "id" from "license_code"
           where "pool_id" = ? and "status" = 'available' and "deleted_at" is null
           order by "created_at", "id"
           limit ?
           for update skip locked
         ) and "status" = 'available'
         returning "code"`,
        [delivery_id, pool_id, need]
      )
    }
    const codes = [...held, ...taken].map((r) => r.code as string)
    return { codes, missing: Math.max(0, quantity - codes.length) }
  }

  /** Available and assigned counts per pool. */
  @InjectManager()
  async countLicenseCodes(
    pool_ids: string[],
    @MedusaContext() sharedContext: Context = {}
  ): Promise<Record<string, { available: number; assigned: number; revoked: number }>> {
    const result: Record<string, { available: number; assigned: number; revoked: number }> = {}
    for (const id of pool_ids) {
      result[id] = { available: 0, assigned: 0, revoked: 0 }
    }
    if (!pool_ids.length) {
      return result
    }
    const rows = await (sharedContext.manager as unknown as Executor).execute(
      `select "pool_id", "status", count(*)::int as "n" from "license_code"
       where "deleted_at" is null and "pool_id" in (${pool_ids.map(() => "?").join(", ")})
       group by "pool_id", "status"`,
      pool_ids
    )
    for (const row of rows) {
      result[row.pool_id as string][row.status as "available"] = row.n as number
    }
    return result
  }

  /**
   * Asks for follow-ups of an order's deliveries (its instructions email,
   * its completion): one row per order and kind, due now, its generation
   * bumped so a run already under way does not settle it (see
   * {@link settleFollowUp}). One statement per kind, so concurrent requests
   * from any number of processes end in one due row. A completion is asked
   * for only once every delivery of the order is delivered (nothing less can
   * complete it, see `decideAutoComplete`): the request made for the last one
   * delivered, which checks after its own delivery committed, sees them all.
   * The instructions email is due at once, or — while another emailed item
   * of the order is still on its first attempt — only after
   * `INSTRUCTIONS_SIBLING_WAIT_SECONDS`: that item's own request makes it
   * due at once when it is delivered (one email for both), and if it fails
   * instead, the email for this one goes out when the wait is over. The
   * instructions run decides the same again (`planInstructions`); deciding
   * here first saves running it only to defer.
   */
  @InjectManager()
  async requestFollowUps(order_id: string, kinds: FollowUpKind[], @MedusaContext() sharedContext: Context = {}): Promise<void> {
    const db = sharedContext.manager as unknown as Executor
    const emailed = this.methods_.list().filter((m) => m.emailed).map((m) => m.code)
    for (const kind of kinds) {
      const waitForSibling =
        kind === "instructions" && emailed.length
          ? `exists (select 1 from "delivery" "s" where "s"."order_id" = ? and "s"."deleted_at" is null
               and "s"."status" = 'pending' and "s"."attempts" = 0 and "s"."method" in (${emailed.map(() => "?").join(", ")}))`
          : "false"
      const waitParams = kind === "instructions" && emailed.length ? [order_id, ...emailed] : []
      await db.execute(
        `with "due" as (
           select case when ${waitForSibling} then now() + (? * interval '1 second') else now() end as "at"
         )
         insert into "delivery_follow_up" ("id", "order_id", "kind", "status", "generation", "attempts", "next_attempt_at")
         select ?, ?, ?, 'due', 1, 0, (select "at" from "due")
         where ?::text <> 'completion' or not exists (
           select 1 from "delivery" "d" where "d"."order_id" = ? and "d"."deleted_at" is null and "d"."status" <> 'delivered'
         )
         on conflict ("order_id", "kind") where "deleted_at" is null do update set
           "status" = 'due', "generation" = "delivery_follow_up"."generation" + 1, "attempts" = 0,
           "next_attempt_at" = excluded."next_attempt_at", "last_error" = null, "updated_at" = now()`,
        [...waitParams, INSTRUCTIONS_SIBLING_WAIT_SECONDS, generateEntityId(undefined, "dfu"), order_id, kind, kind, order_id]
      )
    }
  }

  /**
   * Leases due follow-ups (all orders, or one), oldest first, skipping rows
   * another process holds; counts the attempt.
   */
  @InjectManager()
  async leaseDueFollowUps(
    input: { limit: number; order_id?: string; lease_seconds?: number },
    @MedusaContext() sharedContext: Context = {}
  ): Promise<FollowUpLease[]> {
    const rows = await (sharedContext.manager as unknown as Executor).execute(
      `update "delivery_follow_up" set "locked_until" = now() + (? * interval '1 second'), "attempts" = "attempts" + 1, "updated_at" = now()
       where "id" in (
         select "id" from "delivery_follow_up"
         where "deleted_at" is null and "status" = 'due' and "next_attempt_at" <= now()
           and ("locked_until" is null or "locked_until" < now())
           ${input.order_id ? `and "order_id" = ?` : ""}
         order by "next_attempt_at" asc
         limit ?
         for update skip locked
       )
       returning "id", "order_id", "kind", "generation", "attempts", "covered_delivery_ids"`,
      [input.lease_seconds ?? FOLLOW_UP_LEASE_SECONDS, ...(input.order_id ? [input.order_id] : []), input.limit]
    )
    return rows.map((r) => ({
      id: r.id as string,
      order_id: r.order_id as string,
      kind: r.kind as FollowUpKind,
      generation: r.generation as number,
      attempts: r.attempts as number,
      covered_delivery_ids: (r.covered_delivery_ids as string[] | null) ?? [],
    }))
  }

  /**
   * Settles a leased follow-up. Done: `done`, unless a newer request came in
   * while it ran (then due again, now). Deferred: due again at `retry_at`,
   * the attempt not counted. Failed: due again after a growing pause, or
   * `failed` after FOLLOW_UP_MAX_ATTEMPTS — shown in the admin with its error.
   *
   * @returns whether the row is due again now (a newer request came in).
   */
  @InjectManager()
  async settleFollowUp(
    lease: FollowUpLease,
    outcome: { done: true; covered_delivery_ids?: string[] } | { deferred_until: Date } | { error: string },
    @MedusaContext() sharedContext: Context = {}
  ): Promise<boolean> {
    const db = sharedContext.manager as unknown as Executor
    if ("done" in outcome) {
      const rows = await db.execute(
        `update "delivery_follow_up" set
           "status" = case when "generation" = ? then 'done' else 'due' end,
           "done_at" = case when "generation" = ? then now() else null end,
           "next_attempt_at" = case when "generation" = ? then null else now() end,
           "covered_delivery_ids" = coalesce(?::jsonb, "covered_delivery_ids"),
           "locked_until" = null, "last_error" = null, "updated_at" = now()
         where "id" = ? returning "status"`,
        [lease.generation, lease.generation, lease.generation, outcome.covered_delivery_ids ? JSON.stringify(outcome.covered_delivery_ids) : null, lease.id]
      )
      return rows[0]?.status === "due"
    }
    if ("deferred_until" in outcome) {
      await db.execute(
        `update "delivery_follow_up" set "next_attempt_at" = case when "generation" = ? then ?::timestamptz else now() end,
           "attempts" = greatest("attempts" - 1, 0), "locked_until" = null, "updated_at" = now()
         where "id" = ?`,
        [lease.generation, outcome.deferred_until, lease.id]
      )
      return false
    }
    const gaveUp = lease.attempts >= FOLLOW_UP_MAX_ATTEMPTS
    await db.execute(
      `update "delivery_follow_up" set "status" = ?, "last_error" = ?, "locked_until" = null, "updated_at" = now(),
         "next_attempt_at" = case when ? then null else now() + (? * interval '1 second') end
       where "id" = ?`,
      [gaveUp ? "failed" : "due", outcome.error.slice(0, 2000), gaveUp, followUpBackoffSeconds(lease.attempts), lease.id]
    )
    return false
  }

  /**
   * The safety net behind the events: orders whose deliveries are all
   * delivered and whose completion was never asked for (an event lost with a
   * crashed worker).
   */
  @InjectManager()
  async listOrdersAwaitingCompletion(limit: number, @MedusaContext() sharedContext: Context = {}): Promise<string[]> {
    const rows = await (sharedContext.manager as unknown as Executor).execute(
      `select "d"."order_id" from "delivery" "d"
       where "d"."deleted_at" is null
         and not exists (
           select 1 from "delivery_follow_up" "f"
           where "f"."order_id" = "d"."order_id" and "f"."kind" = 'completion' and "f"."deleted_at" is null
         )
       group by "d"."order_id"
       having bool_and("d"."status" = 'delivered')
       limit ?`,
      [limit]
    )
    return rows.map((r) => r.order_id as string)
  }

  /**
   * Fresh links for a delivery's downloads that never add downloads: in one
   * transaction, the live grants are locked and revoked (their links answer
   * 410 from now on) and each is replaced by a new grant for the same file
   * with a new lifetime and exactly the downloads the old one had left. A
   * download racing this either counts on the old grant before it is
   * revoked, or finds it revoked: a unit never gets more than its
   * `max_downloads` in total.
   *
   * @returns the new grants (none when the delivery has no live grant).
   */
  @InjectTransactionManager()
  async reissueDownloadGrants(
    delivery_id: string,
    expires_at: Date,
    @MedusaContext() sharedContext: Context = {}
  ): Promise<{ id: string; file_id: string; filename: string | null; expires_at: Date; remaining_downloads: number }[]> {
    const db = sharedContext.transactionManager as unknown as Executor
    const old = await db.execute(
      `update "download_grant" set "revoked_at" = now(), "updated_at" = now()
       where "id" in (
         select "id" from "download_grant"
         where "delivery_id" = ? and "deleted_at" is null and "revoked_at" is null
         for update
       ) and "revoked_at" is null
       returning "order_id", "file_id", "filename", "remaining_downloads", "max_downloads"`,
      [delivery_id]
    )
    if (!old.length) {
      return []
    }
    const created = await this.createDownloadGrants(
      old.map((g) => ({
        delivery_id,
        order_id: g.order_id as string,
        file_id: g.file_id as string,
        filename: (g.filename as string | null) ?? null,
        expires_at,
        remaining_downloads: g.remaining_downloads as number,
        max_downloads: g.max_downloads as number,
      })),
      sharedContext
    )
    return created as unknown as { id: string; file_id: string; filename: string | null; expires_at: Date; remaining_downloads: number }[]
  }

  /**
   * Takes one download off a grant, atomically: nothing when it is used up,
   * expired or revoked. The same statement writes the download log line
   * (time, the client's IP address and user agent), so a counted download
   * always has its line and a refused one never does.
   */
  @InjectManager()
  async consumeDownload(
    grant_id: string,
    client: { ip?: string | null; user_agent?: string | null } = {},
    @MedusaContext() sharedContext: Context = {}
  ): Promise<{ file_id: string; filename: string | null; remaining_downloads: number } | null> {
    const rows = await (sharedContext.manager as unknown as Executor).execute(
      `with taken as (
         update "download_grant" set "remaining_downloads" = "remaining_downloads" - 1, "updated_at" = now()
         where "id" = ? and "deleted_at" is null and "revoked_at" is null
           and "remaining_downloads" > 0 and "expires_at" > now()
         returning "id", "delivery_id", "order_id", "file_id", "filename", "remaining_downloads"
       ), logged as (
         insert into "download_log" ("id", "grant_id", "delivery_id", "order_id", "file_id", "filename", "ip", "user_agent", "downloaded_at")
         select ?, "id", "delivery_id", "order_id", "file_id", "filename", ?, ?, now() from taken
       )
       select "file_id", "filename", "remaining_downloads" from taken`,
      [grant_id, generateEntityId(undefined, "dlog"), client.ip ?? null, client.user_agent ?? null]
    )
    const row = rows[0]
    return row
      ? { file_id: row.file_id as string, filename: (row.filename as string) ?? null, remaining_downloads: row.remaining_downloads as number }
      : null
  }

  /** A download link token: `<grant id>.<expiry seconds>.<HMAC-SHA256>`, base64url. */
  signDownloadToken(grant_id: string, expires_at: Date): string {
    const payload = `${grant_id}.${Math.floor(expires_at.getTime() / 1000)}`
    const mac = createHmac("sha256", this.downloadSecret_).update(payload).digest("base64url")
    return `${Buffer.from(payload).toString("base64url")}.${mac}`
  }

  /**
   * Checks a token's signature (constant time). Null when forged or
   * malformed; expiry is checked by the caller (410 rather than 403).
   */
  verifyDownloadToken(token: string): DownloadTokenClaims | null {
    const [encoded, mac] = token.split(".")
    if (!encoded || !mac) {
      return null
    }
    const payload = Buffer.from(encoded, "base64url").toString("utf8")
    const expected = createHmac("sha256", this.downloadSecret_).update(payload).digest()
    const given = Buffer.from(mac, "base64url")
    // Only the canonical encoding: base64url's last character carries unused bits.
    if (given.toString("base64url") !== mac || given.length !== expected.length || !timingSafeEqual(given, expected)) {
      return null
    }
    const [grant_id, exp] = payload.split(".")
    if (!grant_id || !/^\d+$/.test(exp ?? "")) {
      return null
    }
    return { grant_id, expires_at: new Date(Number(exp) * 1000) }
  }
}

function toLease(row: Record<string, unknown>): DeliveryLease {
  return {
    id: row.id as string,
    method: row.method as string,
    delivery_product_id: (row.delivery_product_id as string | null) ?? null,
    lease_token: Number(row.lease_token),
    revoke: row.revoke === true,
  }
}

export default DigitalDeliveryModuleService
