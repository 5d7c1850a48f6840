import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { DIGITAL_DELIVERY_MODULE } from "../modules/digital-delivery"
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
 * timeout, far inside the lease): a slow or hanging target holds one slot,
 * and a second sweeper (the next minute's run, another worker) can never
 * pick up a delivery that is still being attempted. Leases are rows in the
 * database, so a worker killed mid-attempt leaves a lease that expires.
 */
export default async function digitalDeliverySweepJob(container: MedusaContainer): Promise<{ attempted: number }> {
  const service = container.resolve<DigitalDeliveryModuleService>(DIGITAL_DELIVERY_MODULE)
  const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
  const concurrency = service.getOptions().digital_delivery.concurrency
  let attempted = 0
  const worker = async () => {
    while (attempted < DELIVERY_SWEEP_BATCH) {
      const [id] = await service.leaseDueDeliveries(1)
      if (!id) {
        return
      }
      attempted++
      const { errors } = await runDeliveryWorkflow(container).run({
        input: { delivery_id: id, leased: true },
        throwOnError: false,
      })
      if (errors.length) {
        logger.warn(`medusa-order-ops: delivery ${id} sweep failed: ${errors[0].error?.message ?? errors[0].error}`)
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
