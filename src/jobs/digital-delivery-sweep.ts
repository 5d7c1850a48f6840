import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { DIGITAL_DELIVERY_MODULE } from "../modules/digital-delivery"
import { REMOTE_DELIVERY_METHODS } from "../modules/digital-delivery/methods/types"
import type DigitalDeliveryModuleService from "../modules/digital-delivery/service"
import { runDeliveryWorkflow } from "../workflows/digital-delivery/workflows/run-delivery"

/** Deliveries leased per sweep; the rest wait for the next minute. */
export const DELIVERY_SWEEP_BATCH = 200

/**
 * Every minute: attempts the deliveries that are due (retries, players who
 * were offline, first attempts whose subscriber never ran),
 * `digital_delivery.concurrency` at a time, up to DELIVERY_SWEEP_BATCH per
 * run. Each worker leases ONE delivery just before attempting it, so a lease
 * is only ever held for the length of one attempt (bounded by the request
 * timeout, far inside the lease): a second sweeper (the next minute's run,
 * another worker) can never pick up a delivery that is still being
 * attempted. Leases are rows in the database, so a worker killed mid-attempt
 * leaves a lease that expires.
 *
 * One outside target (a webhook, RCON or Discord delivery product) gets at
 * most `digital_delivery.per_target_concurrency` of the workers at once:
 * while it has that many attempts in flight, its deliveries are skipped by
 * the lease and wait, so a target that hangs until the timeout holds only
 * its own slots and everything else keeps moving.
 */
export default async function digitalDeliverySweepJob(container: MedusaContainer): Promise<{ attempted: number }> {
  const service = container.resolve<DigitalDeliveryModuleService>(DIGITAL_DELIVERY_MODULE)
  const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
  const { concurrency, per_target_concurrency: perTarget } = service.getOptions().digital_delivery
  /** Attempts in flight per outside delivery product, in this sweep. */
  const inFlight = new Map<string, number>()
  const busy = () => [...inFlight].filter(([, n]) => n >= perTarget).map(([id]) => id)
  let attempted = 0
  const worker = async () => {
    while (attempted < DELIVERY_SWEEP_BATCH) {
      const [leased] = await service.leaseDueDeliveries(1, busy())
      if (!leased) {
        return
      }
      const target = (REMOTE_DELIVERY_METHODS as readonly string[]).includes(leased.method) ? leased.delivery_product_id : null
      if (target && (inFlight.get(target) ?? 0) >= perTarget) {
        // Another worker filled this target's slots while we were leasing: hand it back, due as it was.
        await service.updateDeliveries({ id: leased.id, locked_until: null })
        continue
      }
      attempted++
      if (target) {
        inFlight.set(target, (inFlight.get(target) ?? 0) + 1)
      }
      try {
        const { errors } = await runDeliveryWorkflow(container).run({
          input: { delivery_id: leased.id, leased: true },
          throwOnError: false,
        })
        if (errors.length) {
          logger.warn(`medusa-order-ops: delivery ${leased.id} sweep failed: ${errors[0].error?.message ?? errors[0].error}`)
        }
      } finally {
        if (target) {
          inFlight.set(target, inFlight.get(target)! - 1)
        }
      }
    }
  }
  await Promise.all(Array.from({ length: concurrency }, worker))
  return { attempted }
}

export const config = {
  name: "order-ops-digital-delivery-sweep",
  schedule: "* * * * *",
}
