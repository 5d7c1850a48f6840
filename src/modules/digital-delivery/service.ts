import { createHmac, timingSafeEqual } from "node:crypto"
import {
  InjectManager,
  InjectTransactionManager,
  MedusaContext,
  MedusaError,
  MedusaService,
} from "@medusajs/framework/utils"
import type { Context } from "@medusajs/framework/types"
import { parsePluginOptions, type PluginOptions } from "../../options"
import { Delivery, DeliveryAttempt, DeliveryProduct, DownloadGrant, LicenseCode, LicensePool } from "./models"
import { createRemoteDeliveryMethods } from "./methods"
import type { DeliveryMethodCode, RemoteDeliveryMethod } from "./methods/types"

type Executor = { execute: (sql: string, params?: unknown[]) => Promise<Record<string, unknown>[]> }

/** How long an attempt may hold a delivery before another sweep may take it. */
export const DELIVERY_LEASE_SECONDS = 120

/** What a download token says, once verified. */
export type DownloadTokenClaims = { grant_id: string; expires_at: Date }

/**
 * Owns delivery products, license pools and codes, deliveries, their
 * attempt log and download grants — and the invariants that need one SQL
 * statement to hold under concurrency: a code is assigned once, a
 * delivery is attempted by one process at a time (a lease), and a download
 * count never goes below zero.
 */
class DigitalDeliveryModuleService extends MedusaService({
  DeliveryProduct,
  LicensePool,
  LicenseCode,
  Delivery,
  DeliveryAttempt,
  DownloadGrant,
}) {
  protected options_: PluginOptions
  protected remote_: Record<"webhook" | "rcon" | "discord_role", RemoteDeliveryMethod>
  protected readonly downloadSecret_: string

  constructor(container: Record<string, unknown>, options: unknown) {
    // eslint-disable-next-line prefer-rest-params
    super(...arguments)
    this.options_ = parsePluginOptions(options)
    const dd = this.options_.digital_delivery
    this.remote_ = createRemoteDeliveryMethods({
      allow_private_targets: dd.allow_private_targets,
      discord_base_url: dd.discord_base_url,
      timeout_ms: dd.timeout_ms,
    })
    const secret = dd.download_secret ?? process.env.ORDER_OPS_DOWNLOAD_SECRET ?? process.env.COOKIE_SECRET
    if (!secret && process.env.NODE_ENV === "production") {
      throw new MedusaError(
        MedusaError.Types.INVALID_DATA,
        'medusa-order-ops: invalid option "digital_delivery.download_secret": required in production (or set ORDER_OPS_DOWNLOAD_SECRET)'
      )
    }
    this.downloadSecret_ = secret ?? "medusa-order-ops-development-download-secret"
  }

  getOptions(): PluginOptions {
    return this.options_
  }

  /** The method that talks to an outside service. */
  getRemoteMethod(code: DeliveryMethodCode): RemoteDeliveryMethod {
    const method = this.remote_[code as keyof typeof this.remote_]
    if (!method) {
      throw new MedusaError(MedusaError.Types.INVALID_DATA, `method: "${code}" is not a remote delivery method`)
    }
    return method
  }

  /** Replaces the remote methods' options (tests point Discord at a local fake). */
  configureRemoteMethods(overrides: Partial<PluginOptions["digital_delivery"]>): void {
    const dd = { ...this.options_.digital_delivery, ...overrides }
    this.options_ = { ...this.options_, digital_delivery: dd }
    this.remote_ = createRemoteDeliveryMethods({
      allow_private_targets: dd.allow_private_targets,
      discord_base_url: dd.discord_base_url,
      timeout_ms: dd.timeout_ms,
    })
  }

  /**
   * Records one attempt and moves its delivery (status, schedule, lease
   * released) in ONE transaction: a crash can never leave an attempt logged
   * against a delivery that still looks unattempted, nor the reverse.
   */
  @InjectTransactionManager()
  async recordDeliveryAttempt(
    attempt: { delivery_id: string; kind: string; attempt: number; outcome: string } & Record<string, unknown>,
    update: { id: string } & Record<string, unknown>,
    @MedusaContext() sharedContext: Context = {}
  ) {
    await this.createDeliveryAttempts(attempt as never, sharedContext)
    return await this.updateDeliveries(update as never, sharedContext)
  }

  /**
   * Leases deliveries that are due (pending or awaiting the recipient, next
   * attempt passed, nobody holding them), oldest first, skipping rows another
   * process is leasing right now. One statement. Deliveries of the
   * `busy_products` (outside targets the caller already has enough attempts
   * in flight to) are left for later.
   */
  @InjectManager()
  async leaseDueDeliveries(
    limit: number,
    busy_products: string[] = [],
    @MedusaContext() sharedContext: Context = {}
  ): Promise<{ id: string; method: string; delivery_product_id: string | null }[]> {
    const skipBusy = busy_products.length
      ? `and ("delivery_product_id" is null or "delivery_product_id" not in (${busy_products.map(() => "?").join(", ")}))`
      : ""
    const rows = await (sharedContext.manager as unknown as Executor).execute(
      `update "delivery" set "locked_until" = now() + (? * interval '1 second'), "updated_at" = now()
       where "id" in (
         select "id" from "delivery"
         where "deleted_at" is null and "status" in ('pending', 'awaiting_recipient')
           and "next_attempt_at" is not null and "next_attempt_at" <= now()
           and ("locked_until" is null or "locked_until" < now())
           -- an order on hold (order_case) waits: not failed, picked up once released
           and not exists (select 1 from "order_hold" h where h."order_id" = "delivery"."order_id" and h."released_at" is null and h."deleted_at" is null)
           ${skipBusy}
         order by "next_attempt_at" asc
         limit ?
         for update skip locked
       )
       returning "id", "method", "delivery_product_id"`,
      [DELIVERY_LEASE_SECONDS, ...busy_products, limit]
    )
    return rows.map((r) => ({
      id: r.id as string,
      method: r.method as string,
      delivery_product_id: (r.delivery_product_id as string | null) ?? null,
    }))
  }

  /**
   * Leases one delivery for an attempt now (a manual retry, or the first
   * attempt after payment). False when another process holds it.
   */
  @InjectManager()
  async leaseDelivery(id: string, @MedusaContext() sharedContext: Context = {}): Promise<boolean> {
    const rows = await (sharedContext.manager as unknown as Executor).execute(
      `update "delivery" set "locked_until" = now() + (? * interval '1 second'), "updated_at" = now()
       where "id" = ? and "deleted_at" is null and ("locked_until" is null or "locked_until" < now())
       returning "id"`,
      [DELIVERY_LEASE_SECONDS, id]
    )
    return rows.length === 1
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
   * Takes one download off a grant, atomically: nothing when it is used up,
   * expired or revoked.
   */
  @InjectManager()
  async consumeDownload(
    grant_id: string,
    @MedusaContext() sharedContext: Context = {}
  ): Promise<{ file_id: string; filename: string | null; remaining_downloads: number } | null> {
    const rows = await (sharedContext.manager as unknown as Executor).execute(
      `update "download_grant" set "remaining_downloads" = "remaining_downloads" - 1, "updated_at" = now()
       where "id" = ? and "deleted_at" is null and "revoked_at" is null
         and "remaining_downloads" > 0 and "expires_at" > now()
       returning "file_id", "filename", "remaining_downloads"`,
      [grant_id]
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

export default DigitalDeliveryModuleService
