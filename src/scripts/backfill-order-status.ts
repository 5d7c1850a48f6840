/**
 * Computes the persisted statuses (`order_status`) of every order in the
 * store, in batches, through `refreshOrderStatusWorkflow`. Safe to run again:
 * each run recomputes every row from Medusa's records and our shipments.
 *
 *   npm run backfill                                          (this repository)
 *   npx medusa exec ./node_modules/medusa-order-ops/.medusa/server/src/scripts/backfill-order-status.js
 *
 * `medusa db:migrate` runs it once by itself (src/migration-scripts), so a
 * store that installs the plugin gets statuses for the orders it already has.
 * An optional argument sets the batch size: `npm run backfill -- 200`.
 */
import type { ExecArgs, MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { refreshOrderStatusWorkflow } from "../workflows/order-status/workflows/refresh-order-status"

/** Orders per refresh: one `query.graph` call and one write each. */
export const BACKFILL_BATCH_SIZE = 500

/** What a backfill did. */
export type BackfillOrderStatusResult = {
  /** Orders looked at (draft orders excluded). */
  orders: number
  /** Rows written. */
  written: number
  batches: number
}

/**
 * Walks every order by id, `batchSize` at a time (keyset pagination, so
 * orders placed meanwhile are neither skipped nor repeated), and refreshes
 * each batch's statuses.
 *
 * @throws MedusaError INVALID_DATA for a batch size outside 1–5,000.
 */
export async function backfillOrderStatuses(
  container: MedusaContainer,
  batchSize = BACKFILL_BATCH_SIZE
): Promise<BackfillOrderStatusResult> {
  if (!Number.isInteger(batchSize) || batchSize < 1 || batchSize > 5000) {
    throw new MedusaError(
      MedusaError.Types.INVALID_DATA,
      `batch size must be a whole number from 1 to 5000 (got ${batchSize})`
    )
  }
  const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const result: BackfillOrderStatusResult = { orders: 0, written: 0, batches: 0 }

  let after: string | undefined
  for (;;) {
    const { data: page } = await query.graph({
      entity: "order",
      fields: ["id"],
      filters: { is_draft_order: false, ...(after ? { id: { $gt: after } } : {}) },
      pagination: { take: batchSize, order: { id: "ASC" } },
    })
    if (!page.length) {
      break
    }
    const orderIds = page.map((order) => order.id)
    const { result: refreshed } = await refreshOrderStatusWorkflow(container).run({
      input: { order_ids: orderIds },
    })
    result.orders += orderIds.length
    result.written += refreshed.order_statuses.length
    result.batches += 1
    after = orderIds[orderIds.length - 1]
    logger.info(`order status backfill: ${result.orders} orders so far`)
    if (page.length < batchSize) {
      break
    }
  }
  logger.info(
    `order status backfill: done, ${result.written} statuses written for ${result.orders} orders in ${result.batches} batches`
  )
  return result
}

/** `medusa exec` entry point. */
export default async function backfillOrderStatus({ container, args }: ExecArgs): Promise<void> {
  const batchSize = args?.[0] ? Number(args[0]) : BACKFILL_BATCH_SIZE
  await backfillOrderStatuses(container, batchSize)
}
