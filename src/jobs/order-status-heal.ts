import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { healOrderStatusesWorkflow } from "../workflows/order-status/workflows/heal-order-statuses"
import { sweepJobSchedule } from "../utils/job-schedule"

/** Orders recomputed per pass. */
export const ORDER_STATUS_HEAL_BATCH = 200
/** Passes per run at most; the rest wait for the next minute. */
export const ORDER_STATUS_HEAL_MAX_PASSES = 10
/** PostgreSQL advisory lock key of the heal job ("OOSH"): one worker heals at a time. */
export const ORDER_STATUS_HEAL_LOCK = 0x4f4f5348

type Knex = {
  transaction: <T>(fn: (trx: { raw: (sql: string, params: unknown[]) => Promise<{ rows: { ok: boolean }[] }> }) => Promise<T>) => Promise<T>
}

/**
 * Every minute: recomputes, in batches, the orders whose status row is
 * missing or older than their sources (Medusa's orders, payments,
 * fulfillments, returns… and our shipments and deliveries, changed since
 * the cursor kept in the database; every order once an hour). A lost event
 * or a refresh killed with its worker costs at most a minute. One worker at a time (an advisory lock
 * that PostgreSQL releases if the worker dies); another finding it taken
 * skips the run.
 */
export default async function orderStatusHealJob(
  container: MedusaContainer,
  options: { full?: boolean } = {}
): Promise<{ recomputed: number; order_ids: string[] }> {
  const knex = container.resolve(ContainerRegistrationKeys.PG_CONNECTION) as unknown as Knex
  const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
  const orderIds: string[] = []
  await knex.transaction(async (trx) => {
    const { rows } = await trx.raw("select pg_try_advisory_xact_lock(?) as ok", [ORDER_STATUS_HEAL_LOCK])
    if (!rows[0]?.ok) {
      return
    }
    for (let pass = 0; pass < ORDER_STATUS_HEAL_MAX_PASSES; pass++) {
      const { result, errors } = await healOrderStatusesWorkflow(container).run({
        input: { batch: ORDER_STATUS_HEAL_BATCH, full: options.full },
        throwOnError: false,
      })
      if (errors.length) {
        logger.warn(`medusa-order-ops: order status heal failed: ${errors[0].error?.message ?? errors[0].error}`)
        return
      }
      orderIds.push(...result.order_ids)
      if (result.done) {
        return
      }
    }
  })
  return { recomputed: orderIds.length, order_ids: orderIds }
}

export const config = {
  name: "order-ops-order-status-heal",
  schedule: sweepJobSchedule(),
}
