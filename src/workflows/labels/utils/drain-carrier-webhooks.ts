import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { SHIPMENT_MODULE } from "../../../modules/shipment"
import type ShipmentModuleService from "../../../modules/shipment/service"
import { webhookPartitionSlot } from "../../../modules/shipment/webhook-partitions"
import { applyCarrierWebhooksWorkflow } from "../workflows/apply-carrier-webhooks"

/** PostgreSQL advisory lock class of the carrier webhook drains ("OOCW"); the second key is the partition. */
export const CARRIER_WEBHOOK_DRAIN_LOCK = 0x4f4f4357

/**
 * How many drains may run side by side. The inbox is partitioned by tracking
 * number (see `leaseDueWebhookEvents`), one drain per partition at a time:
 * never one lock for everything, and one parcel's events stay in order.
 */
export const CARRIER_WEBHOOK_DRAIN_PARTITIONS = 4

/** Inbox rows leased and applied per workflow run (one transaction). */
export const CARRIER_WEBHOOK_DRAIN_BATCH = 100

type Knex = {
  raw: (sql: string, params: unknown[]) => Promise<{ rows: { ok: boolean }[] }>
  transaction: <T>(fn: (trx: { raw: (sql: string, params: unknown[]) => Promise<{ rows: { ok: boolean }[] }> }) => Promise<T>) => Promise<T>
}

/**
 * Applies every due inbox row, partition by partition: for each partition
 * whose advisory lock is free it leases batch after batch of that
 * partition's rows and applies them (one workflow per batch: each shipment's
 * pending events in order in one transaction, the orders' statuses
 * recomputed once per batch), until nothing is due there; a
 * partition another drain holds is skipped — that drain loops until its
 * partition is empty, then looks once more after letting go, so rows written
 * meanwhile are not left behind (the sweep job is the safety net either way).
 * Callers running at once (each webhook request starts one for its rows'
 * partition, the sweep job one for all) therefore drain different
 * partitions in parallel, and a webhook whose partition is being drained
 * costs one query and one lock attempt. No state is
 * kept in memory: rows, leases and locks live in PostgreSQL.
 *
 * @returns the number of rows applied by this call.
 */
export async function drainCarrierWebhooks(
  container: MedusaContainer,
  options: {
    /** Only the partitions of these inbox rows (the rows a webhook just wrote); default every partition. */
    ids?: string[]
    /** The rows' partition keys, as the inbox insert returned them: their partitions without reading the rows. */
    partition_keys?: number[]
    batch?: number
    partitions?: number
  } = {}
): Promise<number> {
  const { batch = CARRIER_WEBHOOK_DRAIN_BATCH, partitions = CARRIER_WEBHOOK_DRAIN_PARTITIONS } = options
  const knex = container.resolve(ContainerRegistrationKeys.PG_CONNECTION) as unknown as Knex
  const service = container.resolve<ShipmentModuleService>(SHIPMENT_MODULE)
  const slots = options.partition_keys?.length
    ? [...new Set(options.partition_keys.map((key) => webhookPartitionSlot(key, partitions)))].sort((a, b) => a - b)
    : options.ids
      ? await service.webhookEventPartitions(options.ids, partitions)
      : Array.from({ length: partitions }, (_, slot) => slot)
  let applied = 0
  for (const slot of slots) {
    // A drain started for new rows first looks whether the partition is
    // being drained, in one statement outside any transaction (the lock is
    // taken and let go at once): during a burst it usually is, and its drain
    // looks again after letting go, so this one is done.
    if (options.ids && !(await knex.raw("select pg_try_advisory_xact_lock(?, ?) as ok", [CARRIER_WEBHOOK_DRAIN_LOCK, slot])).rows[0]?.ok) {
      continue
    }
    for (let round = 0; round < 2; round++) {
      const ran = await knex.transaction(async (trx) => {
        const { rows } = await trx.raw("select pg_try_advisory_xact_lock(?, ?) as ok", [CARRIER_WEBHOOK_DRAIN_LOCK, slot])
        if (!rows[0]?.ok) {
          return false
        }
        for (;;) {
          const ids = await service.leaseDueWebhookEvents(batch, { slot, of: partitions })
          if (!ids.length) {
            return true
          }
          await applyCarrierWebhooksWorkflow(container).run({ input: { ids } })
          applied += ids.length
        }
      })
      if (!ran) {
        break
      }
    }
  }
  return applied
}
