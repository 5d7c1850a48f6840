import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { ORDER_STATUS_MODULE } from "../../../modules/order-status"
import type OrderStatusModuleService from "../../../modules/order-status/service"
import { staleOrderStatusesQuery } from "../utils/order-status-sources"

/** Input of {@link findStaleOrderStatusesStep}. */
export type FindStaleOrderStatusesStepInput = {
  /** At most this many orders. */
  batch: number
  /**
   * Changes this long before the cursor are looked at again: a transaction
   * that set `updated_at` before the last pass but committed after it.
   */
  overlap_seconds?: number
  /**
   * Look at every order, not only those changed since the cursor: when
   * true; by default when no full scan finished in the last
   * `full_scan_every_minutes` (a row can only be older than sources that
   * changed before the cursor if a write was lost outside any pass's view).
   */
  full?: boolean
  /** Default 60. */
  full_scan_every_minutes?: number
}

/** Output of {@link findStaleOrderStatusesStep}. */
export type FindStaleOrderStatusesStepOutput = {
  /** Orders whose row is missing or older than their sources. */
  order_ids: string[]
  /** Where the next pass starts: now when this batch was the last, else the latest change in it. */
  next_cursor: string
  /** Whether this pass looked at every order. */
  full: boolean
  /** The database clock as the pass began. */
  started_at: string
}

type Knex = { raw: (sql: string, bindings: unknown[]) => Promise<{ rows: { order_id: string; source_at: Date }[] }> }

export const findStaleOrderStatusesStepId = "order-ops-find-stale-order-statuses"

/** Default overlap of a pass with the previous one. */
export const ORDER_STATUS_HEAL_OVERLAP_SECONDS = 120

/**
 * Finds orders whose `order_status` row is missing or older than one of
 * its sources (see `ORDER_STATUS_SOURCES`), among those changed since the
 * heal cursor, or among all orders on a full scan (the first pass, then
 * hourly by default). Read-only.
 */
export const findStaleOrderStatusesStep = createStep(
  findStaleOrderStatusesStepId,
  async (input: FindStaleOrderStatusesStepInput, { container }) => {
    const service: OrderStatusModuleService = container.resolve(ORDER_STATUS_MODULE)
    const knex = container.resolve(ContainerRegistrationKeys.PG_CONNECTION) as unknown as Knex
    const overlap = input.overlap_seconds ?? ORDER_STATUS_HEAL_OVERLAP_SECONDS
    const [{ cursor, full_scan_at }, now] = await Promise.all([service.getHealCursor(), service.databaseNow()])
    const fullEvery = (input.full_scan_every_minutes ?? 60) * 60 * 1000
    const full = input.full ?? (!cursor || !full_scan_at || now.getTime() - full_scan_at.getTime() > fullEvery)
    const since = !full && cursor ? new Date(cursor.getTime() - overlap * 1000).toISOString() : "-infinity"
    const { sql, bindings } = staleOrderStatusesQuery(since, input.batch)
    const { rows } = await knex.raw(sql, bindings)
    return new StepResponse<FindStaleOrderStatusesStepOutput>({
      order_ids: rows.map((row) => row.order_id),
      next_cursor: (rows.length >= input.batch ? new Date(rows[rows.length - 1].source_at) : now).toISOString(),
      full,
      started_at: now.toISOString(),
    })
  }
)
