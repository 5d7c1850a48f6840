import {
  BigNumber,
  generateEntityId,
  InjectManager,
  MedusaContext,
  MedusaError,
  MedusaService,
} from "@medusajs/framework/utils"
import type { Context, ModuleJoinerConfig } from "@medusajs/framework/types"
import { orderStatusJoinerConfig } from "./joiner-config"
import { OrderStatusRow } from "./models"
import type { OrderStatusDTO, UpsertOrderStatusDTO } from "../../types"

/** Result of {@link OrderStatusModuleService.upsertOrderStatuses}. */
export type UpsertOrderStatusesResult = {
  /** The rows after the write, one per input order (a newer computation's row where ours was older). */
  rows: OrderStatusDTO[]
  /**
   * Rows this call replaced, exactly as they were just before its write
   * (every column, as JSON): what compensation puts back, only while the row
   * is still the one this call wrote, and the old side of a status change.
   */
  previous: Record<string, unknown>[]
  /** Ids of the rows this call created: what compensation deletes. */
  created_ids: string[]
  /** Orders whose stored row was computed later than ours: left as they were. */
  skipped_order_ids: string[]
}

/** What the heal job's cursor remembers between passes. */
export type OrderStatusHealCursor = {
  /** Source changes up to this instant (minus the overlap) were examined. */
  cursor: Date | null
  last_run_at: Date | null
  /** Orders recomputed by the last pass. */
  last_count: number
  /** When a pass last finished looking at every order. */
  full_scan_at: Date | null
}

type Executor = { execute: (sql: string, params?: unknown[]) => Promise<Record<string, unknown>[]> }

const COLUMN = /^[a-z_][a-z0-9_]*$/
const quote = (column: string): string => {
  if (!COLUMN.test(column)) {
    throw new MedusaError(MedusaError.Types.INVALID_DATA, `order_status: "${column}" is not a column name`)
  }
  return `"${column}"`
}
/** Columns a write never sets from input: identity and bookkeeping. */
const NOT_WRITTEN = new Set(["id", "created_at", "updated_at", "deleted_at"])

/**
 * Parts of a row that are also written on their own, without the full
 * refresh, each with the column saying when: the delivery status (a delivery
 * attempt) and the shipment statuses (carrier moves that cannot change the
 * order's fulfillment status). `type` is the column's SQL type.
 */
const PARTS = {
  delivery_status: { at: "delivery_status_at", type: "text" },
  shipment_statuses: { at: "shipment_statuses_at", type: "text[]" },
} as const
type Part = keyof typeof PARTS

/**
 * The value an upsert gives a column of an existing row: the computation's,
 * except a part written alone after this computation began (see
 * {@link PARTS} and `writePartAlone_`), which keeps its newer value.
 */
function assignment(column: string): string {
  const part = Object.keys(PARTS).find((name) => `"${name}"` === column) as Part | undefined
  if (!part) {
    return `excluded.${column}`
  }
  const at = `"order_status"."${PARTS[part].at}"`
  return `case when ${at} is null or ${at} <= excluded."computed_at" then excluded.${column} else "order_status".${column} end`
}

/** The id of the heal job's cursor row in `order_status_heal_cursor`. */
export const ORDER_STATUS_HEAL_CURSOR_ID = "order-status-heal"

/**
 * Owns the `order_status` read model: one row per order, keyed by
 * `order_id`. It stores what the refresh workflow computed and answers the
 * Order operations list; it never computes a status itself.
 */
class OrderStatusModuleService extends MedusaService({ OrderStatusRow }) {
  /** Query knows the rows as `order_status`; see ./joiner-config.ts. */
  __joinerConfig(): ModuleJoinerConfig {
    return orderStatusJoinerConfig
  }

  /**
   * The database's clock, now. A refresh takes it before it reads anything,
   * and stores it as the row's `computed_at`: every process compares the
   * same clock, and a computation that started later has read at least
   * everything an earlier one read (each read is a new snapshot under READ
   * COMMITTED).
   */
  @InjectManager()
  async databaseNow(@MedusaContext() sharedContext: Context = {}): Promise<Date> {
    const [row] = await (sharedContext.manager as unknown as Executor).execute(
      `select clock_timestamp() as "now"`
    )
    return new Date(row.now as string | Date)
  }

  /**
   * Writes one row per order, each with ONE statement
   * (`INSERT … ON CONFLICT (order_id) DO UPDATE … WHERE`), so two processes
   * writing the same order never collide on the unique index, and guarded:
   * a row is only replaced by a computation that started at the same time or
   * later (`computed_at`, the database clock when the computation began
   * reading). Whatever the order in which concurrent refreshes finish, the
   * row ends as computed by the one that started last, which read the latest
   * data. Columns a row omits (`is_test` when not given, columns other
   * features add) are left as they are on update and take their defaults on
   * insert. Each statement commits on its own (no transaction around the
   * batch), so a batch holds no row lock while it writes the next order.
   * An update replaces only the row version (`xmin`) it read; when another
   * write got in between, the row is read again and the write retried, so
   * `previous` is exactly what was replaced (the old side of a status change).
   *
   * @returns the rows after the write, what was replaced (for compensation),
   *   the rows created and the orders whose newer row was kept.
   */
  @InjectManager()
  async upsertOrderStatuses(
    data: UpsertOrderStatusDTO[],
    @MedusaContext() sharedContext: Context = {}
  ): Promise<UpsertOrderStatusesResult> {
    if (!data.length) {
      return { rows: [], previous: [], created_ids: [], skipped_order_ids: [] }
    }
    const db = sharedContext.manager as unknown as Executor
    // The last write for an order wins when one call carries it twice.
    const byOrder = new Map(data.map((row) => [row.order_id, row]))
    const orderIds = [...byOrder.keys()].sort()
    const placeholders = orderIds.map(() => "?").join(", ")

    // Each row with its version (`xmin`): a write replaces only the version it
    // read, so `previous` is exactly the row replaced even when another
    // refresh of the order writes in between (a status change is then
    // reported once, from the right old value).
    type Current = { version: string; row: Record<string, unknown> }
    const current = new Map<string, Current>(
      (
        await db.execute(
          `select s.xmin::text as "version", to_jsonb(s) as "row" from "order_status" s where s."order_id" in (${placeholders}) and s."deleted_at" is null`,
          orderIds
        )
      ).map((r) => [(r.row as Record<string, unknown>).order_id as string, { version: r.version as string, row: r.row as Record<string, unknown> }])
    )

    const previous: Record<string, unknown>[] = []
    const createdIds: string[] = []
    const skipped: string[] = []
    for (const orderId of orderIds) {
      const input = byOrder.get(orderId)!
      const values: Record<string, unknown> = Object.fromEntries(
        Object.entries(input).filter(([key, value]) => value !== undefined && !NOT_WRITTEN.has(key))
      )
      if (values.total !== undefined && values.total !== null) {
        values.raw_total = new BigNumber(values.total as number).raw
      }
      const columns = Object.keys(values).map(quote)
      const json = JSON.stringify(values)
      // Bounded: each turn means another write committed in between.
      for (let turn = 0; ; turn++) {
        const seen = current.get(orderId)
        const [written] = await db.execute(
          `insert into "order_status" ("id", ${columns.join(", ")}, "created_at", "updated_at")
           select ?, ${columns.map((c) => `r.${c}`).join(", ")}, now(), now()
           from jsonb_populate_record(null::"order_status", ?::jsonb) r
           on conflict ("order_id") where "deleted_at" is null do update
             set ${columns.map((c) => `${c} = ${assignment(c)}`).join(", ")}, "updated_at" = now()
             where "order_status"."computed_at" <= excluded."computed_at"
               and "order_status".xmin::text = ?
           returning "id", (xmax = 0) as "inserted"`,
          [generateEntityId(undefined, "ostat"), json, seen?.version ?? null]
        )
        if (written) {
          if (written.inserted) {
            createdIds.push(written.id as string)
          } else if (seen) {
            previous.push(seen.row)
          }
          break
        }
        // Not written: a newer computation's row (keep it), or a row written since we read it (read again).
        const [now] = await db.execute(
          `select s.xmin::text as "version", to_jsonb(s) as "row", s."computed_at" > ?::timestamptz as "newer"
           from "order_status" s where s."order_id" = ? and s."deleted_at" is null`,
          [new Date(input.computed_at).toISOString(), orderId]
        )
        if (now?.newer) {
          skipped.push(orderId)
          break
        }
        if (turn >= 20) {
          throw new MedusaError(MedusaError.Types.CONFLICT, `order_status of ${orderId} keeps changing; try again`)
        }
        if (now) {
          current.set(orderId, { version: now.version as string, row: now.row as Record<string, unknown> })
        } else {
          current.delete(orderId)
        }
      }
    }

    const rows = (await this.listOrderStatusRows(
      { order_id: orderIds },
      {},
      sharedContext
    )) as unknown as OrderStatusDTO[]
    return { rows, previous, created_ids: createdIds, skipped_order_ids: skipped }
  }

  /**
   * Writes orders' delivery status alone, as a delivery attempt changes it
   * (see `writePartAlone_`).
   *
   * @returns per order written, the delivery status it replaced (for compensation).
   */
  @InjectManager()
  async writeDeliveryStatuses(
    data: { order_id: string; delivery_status: string }[],
    computedAt: string,
    @MedusaContext() sharedContext: Context = {}
  ): Promise<{ previous: { order_id: string; delivery_status: string; delivery_status_at: string | null }[] }> {
    const { previous } = await this.writePartAlone_(
      "delivery_status",
      data.map((d) => ({ order_id: d.order_id, value: d.delivery_status })),
      computedAt,
      sharedContext
    )
    return {
      previous: previous.map((p) => ({ order_id: p.order_id, delivery_status: p.value as string, delivery_status_at: p.at })),
    }
  }

  /**
   * Undoes {@link writeDeliveryStatuses}: puts the previous delivery status
   * back on rows still as that call left them (`delivery_status_at` is its
   * computation's); a row written since keeps the newer value.
   */
  @InjectManager()
  async restoreDeliveryStatuses(
    previous: { order_id: string; delivery_status: string; delivery_status_at: string | null }[],
    computedAt: string,
    @MedusaContext() sharedContext: Context = {}
  ): Promise<void> {
    await this.restorePart_(
      "delivery_status",
      previous.map((p) => ({ order_id: p.order_id, value: p.delivery_status, at: p.delivery_status_at })),
      computedAt,
      sharedContext
    )
  }

  /**
   * Writes orders' shipment statuses alone, as carrier moves change them when
   * none of the moves can change the order's fulfillment status (see
   * `writePartAlone_`).
   *
   * @returns per order written, the statuses it replaced (for compensation),
   *   and the orders that have no row yet (their first full refresh writes them).
   */
  @InjectManager()
  async writeShipmentStatuses(
    data: { order_id: string; shipment_statuses: string[] }[],
    computedAt: string,
    @MedusaContext() sharedContext: Context = {}
  ): Promise<{
    previous: { order_id: string; shipment_statuses: string[]; shipment_statuses_at: string | null }[]
    missing_order_ids: string[]
  }> {
    const { previous, missing_order_ids } = await this.writePartAlone_(
      "shipment_statuses",
      data.map((d) => ({ order_id: d.order_id, value: d.shipment_statuses })),
      computedAt,
      sharedContext
    )
    return {
      previous: previous.map((p) => ({ order_id: p.order_id, shipment_statuses: p.value as string[], shipment_statuses_at: p.at })),
      missing_order_ids,
    }
  }

  /**
   * Undoes {@link writeShipmentStatuses}, like {@link restoreDeliveryStatuses}.
   */
  @InjectManager()
  async restoreShipmentStatuses(
    previous: { order_id: string; shipment_statuses: string[]; shipment_statuses_at: string | null }[],
    computedAt: string,
    @MedusaContext() sharedContext: Context = {}
  ): Promise<void> {
    await this.restorePart_(
      "shipment_statuses",
      previous.map((p) => ({ order_id: p.order_id, value: p.shipment_statuses, at: p.shipment_statuses_at })),
      computedAt,
      sharedContext
    )
  }

  /**
   * Writes one part of orders' rows alone (see {@link PARTS}): one statement
   * for all the orders, without loading the order. Guarded like
   * {@link upsertOrderStatuses}: a row is written only when no computation
   * that began after `computedAt` (the database clock before the part's
   * sources were read) has written it, full (`computed_at`) or that part
   * alone (its `…_at`). Orders without a row are left to their first full
   * refresh, and reported.
   */
  protected async writePartAlone_(
    part: Part,
    data: { order_id: string; value: unknown }[],
    computedAt: string,
    sharedContext: Context
  ): Promise<{ previous: { order_id: string; value: unknown; at: string | null }[]; missing_order_ids: string[] }> {
    if (!data.length) {
      return { previous: [], missing_order_ids: [] }
    }
    const column = quote(part)
    const at = quote(PARTS[part].at)
    const rows = await (sharedContext.manager as unknown as Executor).execute(
      `with "input" as (select * from jsonb_to_recordset(?::jsonb) as i("order_id" text, "value" ${PARTS[part].type})),
       "old" as (
         select s."id", s."order_id", s.${column} as "value", s.${at} as "at" from "order_status" s
         join "input" i on i."order_id" = s."order_id"
         where s."deleted_at" is null
         for update of s
       ),
       "written" as (
         update "order_status" s set ${column} = i."value", ${at} = ?::timestamptz, "updated_at" = now()
         from "input" i, "old" o
         where s."id" = o."id" and s."order_id" = i."order_id"
           and s."computed_at" <= ?::timestamptz
           and (s.${at} is null or s.${at} <= ?::timestamptz)
         returning s."order_id"
       )
       select i."order_id", o."id" is not null as "has_row", w."order_id" is not null as "written", o."value" as "previous", o."at" as "previous_at"
       from "input" i left join "old" o on o."order_id" = i."order_id" left join "written" w on w."order_id" = i."order_id"`,
      [JSON.stringify(data), computedAt, computedAt, computedAt]
    )
    return {
      previous: rows
        .filter((r) => r.written)
        .map((r) => ({
          order_id: r.order_id as string,
          value: r.previous,
          at: r.previous_at ? new Date(r.previous_at as string).toISOString() : null,
        })),
      missing_order_ids: rows.filter((r) => !r.has_row).map((r) => r.order_id as string),
    }
  }

  /** Undoes {@link writePartAlone_} on rows still as it left them (the part's `…_at` is its computation's). */
  protected async restorePart_(
    part: Part,
    previous: { order_id: string; value: unknown; at: string | null }[],
    computedAt: string,
    sharedContext: Context
  ): Promise<void> {
    if (!previous.length) {
      return
    }
    const column = quote(part)
    const at = quote(PARTS[part].at)
    await (sharedContext.manager as unknown as Executor).execute(
      `update "order_status" s set ${column} = p."value", ${at} = p."at", "updated_at" = now()
       from jsonb_to_recordset(?::jsonb) as p("order_id" text, "value" ${PARTS[part].type}, "at" timestamptz)
       where s."order_id" = p."order_id" and s."deleted_at" is null and s.${at} = ?::timestamptz`,
      [JSON.stringify(previous), computedAt]
    )
  }

  /**
   * Undoes writes of {@link upsertOrderStatuses}, but only rows still as that
   * call left them (`computed_at` unchanged): a row a later computation has
   * rewritten since is the truth and stays. Replaced rows get their previous
   * values back, `computed_at` included, so the heal job and the next refresh
   * see them as older than their sources; created rows are deleted.
   */
  @InjectManager()
  async restoreOrderStatuses(
    input: {
      previous: Record<string, unknown>[]
      created_ids: string[]
      /** When the undone call's computation began, per order id (ISO). */
      computed_at: Record<string, string>
    },
    @MedusaContext() sharedContext: Context = {}
  ): Promise<void> {
    const db = sharedContext.manager as unknown as Executor
    for (const row of input.previous) {
      const ours = input.computed_at[row.order_id as string]
      if (!ours) {
        continue
      }
      const columns = Object.keys(row).filter((key) => !NOT_WRITTEN.has(key)).map(quote)
      await db.execute(
        `update "order_status" s set (${columns.join(", ")}, "updated_at") =
           (select ${columns.map((c) => `r.${c}`).join(", ")}, now() from jsonb_populate_record(null::"order_status", ?::jsonb) r)
         where s."order_id" = ? and s."deleted_at" is null and s."computed_at" = ?`,
        [JSON.stringify(row), row.order_id, ours]
      )
    }
    if (input.created_ids.length) {
      // A created row is deleted only while it still carries this call's computation time.
      await db.execute(
        `delete from "order_status" s
         where s."id" in (${input.created_ids.map(() => "?").join(", ")})
           and s."computed_at" = (?::jsonb ->> s."order_id")::timestamptz`,
        [...input.created_ids, JSON.stringify(input.computed_at)]
      )
    }
  }

  /** The heal job's cursor; nulls before its first pass. */
  @InjectManager()
  async getHealCursor(@MedusaContext() sharedContext: Context = {}): Promise<OrderStatusHealCursor> {
    const [row] = await (sharedContext.manager as unknown as Executor).execute(
      `select "cursor", "last_run_at", "last_count", "full_scan_at" from "order_status_heal_cursor" where "id" = ?`,
      [ORDER_STATUS_HEAL_CURSOR_ID]
    )
    const date = (value: unknown) => (value ? new Date(value as string) : null)
    return {
      cursor: date(row?.cursor),
      last_run_at: date(row?.last_run_at),
      last_count: Number(row?.last_count ?? 0),
      full_scan_at: date(row?.full_scan_at),
    }
  }

  /**
   * Records a heal pass: its count, and the cursor moved to `cursor` (never
   * backwards: two workers finishing out of order leave the later one);
   * `full_scan_at` when the pass finished a scan of every order. Without
   * `cursor` only the count and time are recorded (a full scan in progress).
   */
  @InjectManager()
  async saveHealCursor(
    input: { cursor?: Date | null; count: number; full_scan_at?: Date | null },
    @MedusaContext() sharedContext: Context = {}
  ): Promise<void> {
    await (sharedContext.manager as unknown as Executor).execute(
      `insert into "order_status_heal_cursor" ("id", "cursor", "last_run_at", "last_count", "full_scan_at")
       values (?, ?::timestamptz, clock_timestamp(), ?, ?::timestamptz)
       on conflict ("id") do update set
         "cursor" = greatest("order_status_heal_cursor"."cursor", excluded."cursor"),
         "last_run_at" = excluded."last_run_at",
         "last_count" = excluded."last_count",
         "full_scan_at" = greatest("order_status_heal_cursor"."full_scan_at", excluded."full_scan_at")`,
      [ORDER_STATUS_HEAL_CURSOR_ID, input.cursor ?? null, input.count, input.full_scan_at ?? null]
    )
  }

  /**
   * One keyset page of the list, for exports: the rows matching `filters`
   * (exactly what `buildOrderStatusListFilters` makes for the list), ordered
   * by placement date then id, strictly after the row `after_id`. The cursor
   * compares PostgreSQL's own values in one row-value comparison, so
   * microsecond timestamps never lose a row between pages, and every page
   * costs the same whatever its depth.
   */
  @InjectManager()
  async listOrderStatusRowsAfter(
    filters: Record<string, unknown>,
    page: { after_id?: string | null; descending: boolean; take: number },
    @MedusaContext() sharedContext: Context = {}
  ): Promise<OrderStatusDTO[]> {
    const manager = sharedContext.manager as unknown as KeysetManager
    const direction = page.descending ? "desc" : "asc"
    const qb = manager
      .createQueryBuilder("OrderStatusRow", "os")
      .select("*")
      .where({ ...filters, deleted_at: null })
    if (page.after_id) {
      qb.andWhere(
        `(os.order_created_at, os.id) ${page.descending ? "<" : ">"} (select c.order_created_at, c.id from order_status c where c.id = ?)`,
        [page.after_id]
      )
    }
    const rows = await qb.orderBy({ order_created_at: direction, id: direction }).limit(page.take).execute("all", true)
    return rows as unknown as OrderStatusDTO[]
  }
}

/** The slice of MikroORM's entity manager the keyset page uses. */
type KeysetQueryBuilder = {
  select(fields: string): KeysetQueryBuilder
  where(cond: Record<string, unknown>): KeysetQueryBuilder
  andWhere(cond: string, params: unknown[]): KeysetQueryBuilder
  orderBy(order: Record<string, "asc" | "desc">): KeysetQueryBuilder
  limit(n: number): KeysetQueryBuilder
  execute(method: "all", mapResults: boolean): Promise<unknown[]>
}
type KeysetManager = { createQueryBuilder(entity: string, alias: string): KeysetQueryBuilder }

export default OrderStatusModuleService
