import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { DIGITAL_DELIVERY_MODULE } from "../modules/digital-delivery"
import type DigitalDeliveryModuleService from "../modules/digital-delivery/service"
import { runDeliveryWorkflow } from "../workflows/digital-delivery/workflows/run-delivery"

/** Deliveries leased per sweep; the rest wait for the next minute. */
export const DELIVERY_SWEEP_BATCH = 200

/**
 * Every minute: leases the deliveries that are due (retries, players who
 * were offline, first attempts whose subscriber never ran) and attempts
 * them, `digital_delivery.concurrency` at a time — a slow or hanging target
 * only holds its own slot, bounded by the request timeout. Leases are rows
 * in the database, so sweeps on several workers never attempt one delivery
 * twice, and a worker killed mid-attempt leaves a lease that expires.
 */
export default async function digitalDeliverySweepJob(container: MedusaContainer): Promise<{ attempted: number }> {
  const service = container.resolve<DigitalDeliveryModuleService>(DIGITAL_DELIVERY_MODULE)
  const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
  const ids = await service.leaseDueDeliveries(DELIVERY_SWEEP_BATCH)
  const concurrency = service.getOptions().digital_delivery.concurrency
  let next = 0
  const worker = async () => {
    while (next < ids.length) {
      const id = ids[next++]
      const { errors } = await runDeliveryWorkflow(container).run({
        input: { delivery_id: id, leased: true },
        throwOnError: false,
      })
      if (errors.length) {
        logger.warn(`medusa-order-ops: delivery ${id} sweep failed: ${errors[0].error?.message ?? errors[0].error}`)
      }
    }
  }
  await Promise.all(Array.from({ length: Math.min(concurrency, ids.length) }, worker))
  return { attempted: ids.length }
}

export const config = {
  name: "order-ops-digital-delivery-sweep",
  schedule: "* * * * *",
}
