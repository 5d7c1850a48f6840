import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { DIGITAL_DELIVERY_MODULE } from "../modules/digital-delivery"
import type DigitalDeliveryModuleService from "../modules/digital-delivery/service"
import { runDeliveryWorkflow } from "../workflows/digital-delivery/workflows/run-delivery"
import { sweepJobSchedule } from "../utils/job-schedule"

/** Deliveries leased per sweep; the rest wait for the next minute. */
export const DELIVERY_SWEEP_BATCH = 200

/**
 * Every minute: runs the work that is due — owed revokes first, then
 * deliveries (retries, players who were offline, first attempts whose
 * subscriber never ran) — `digital_delivery.concurrency` at a time, up to
 * DELIVERY_SWEEP_BATCH per run. Each worker leases ONE delivery (with a
 * fencing token) just before attempting it; the lease lasts longer than
 * the slowest method's worst case, and an attempt records its outcome only
 * while its token is still the delivery's. Leases are rows in the
 * database, so a worker killed mid-attempt leaves a lease that expires and
 * an attempt row still `sending`, which the next attempt resolves per method.
 *
 * `digital_delivery.per_target_concurrency` is counted in the lease
 * statement itself (open leases per outside delivery product), so it holds
 * across overlapping sweeps, workers and processes: a target that hangs
 * holds only its own slots and everything else keeps moving.
 */
export default async function digitalDeliverySweepJob(container: MedusaContainer): Promise<{ attempted: number }> {
  const service = container.resolve<DigitalDeliveryModuleService>(DIGITAL_DELIVERY_MODULE)
  const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
  const { concurrency } = service.getOptions().digital_delivery
  let attempted = 0
  const worker = async () => {
    while (attempted < DELIVERY_SWEEP_BATCH) {
      const lease = await service.leaseNextDueDelivery()
      if (!lease) {
        return
      }
      attempted++
      const { errors } = await runDeliveryWorkflow(container).run({
        input: { delivery_id: lease.id, lease, kind: lease.revoke ? "revoke" : "deliver", reason: lease.revoke ? "owed revoke" : null },
        throwOnError: false,
      })
      if (errors.length) {
        logger.warn(`medusa-order-ops: delivery ${lease.id} sweep failed: ${errors[0].error?.message ?? errors[0].error}`)
      }
    }
  }
  await Promise.all(Array.from({ length: concurrency }, worker))
  return { attempted }
}

export const config = {
  name: "order-ops-digital-delivery-sweep",
  schedule: sweepJobSchedule(),
}
