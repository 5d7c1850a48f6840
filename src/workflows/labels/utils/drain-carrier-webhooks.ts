import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { SHIPMENT_MODULE } from "../../../modules/shipment"
import type ShipmentModuleService from "../../../modules/shipment/service"
import { applyCarrierWebhooksWorkflow } from "../workflows/apply-carrier-webhooks"

/** PostgreSQL advisory lock key of the carrier webhook drain ("OOCW"). */
export const CARRIER_WEBHOOK_DRAIN_LOCK = 0x4f4f4357

type Knex = {
  transaction: <T>(fn: (trx: { raw: (sql: string, params: unknown[]) => Promise<{ rows: { ok: boolean }[] }> }) => Promise<T>) => Promise<T>
}

/**
 * Applies every due inbox row, one batch after another, while holding a
 * cluster-wide advisory lock: at most one drain runs at a time, so a burst
 * of webhooks is applied by one loop instead of one workflow per request
 * competing with the requests themselves. A caller that finds the lock
 * taken returns at once — the running drain loops until nothing is due,
 * then looks once more after letting go, so rows written meanwhile are not
 * left behind (the sweep job is the safety net either way). No state is
 * kept in memory: rows, leases and the lock live in PostgreSQL.
 *
 * @returns the number of rows applied by this call.
 */
export async function drainCarrierWebhooks(container: MedusaContainer, batch = 50): Promise<number> {
  const knex = container.resolve(ContainerRegistrationKeys.PG_CONNECTION) as unknown as Knex
  const service = container.resolve<ShipmentModuleService>(SHIPMENT_MODULE)
  let applied = 0
  for (let round = 0; round < 2; round++) {
    const ran = await knex.transaction(async (trx) => {
      const { rows } = await trx.raw("select pg_try_advisory_xact_lock(?) as ok", [CARRIER_WEBHOOK_DRAIN_LOCK])
      if (!rows[0]?.ok) {
        return false
      }
      for (;;) {
        const ids = await service.leaseDueWebhookEvents(batch)
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
  return applied
}
