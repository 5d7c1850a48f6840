import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { ORDER_WEBHOOK_MODULE } from "../../../modules/order-webhook"
import type OrderWebhookModuleService from "../../../modules/order-webhook/service"
import type { LeasedWebhookDelivery } from "../../../modules/order-webhook/service"
import { attemptWebhookDeliveryWorkflow } from "../workflows/attempt-webhook-delivery"

/** Attempts per sweep at most; the rest wait for the next run. */
export const WEBHOOK_SWEEP_BATCH = 1000

/** Options of one sweep. */
export type SweepWebhookDeliveriesOptions = {
  /** The schedule's clock (default: now). Tests pass their own. */
  now?: () => Date
  /** Only these deliveries (the first attempt right after an enqueue). */
  delivery_ids?: string[]
}

/**
 * Runs the attempt workflow for every delivery that is due, `concurrency`
 * at a time. Leases are taken in batches: whenever workers are idle, ONE
 * lease call takes up to that many due deliveries (one transaction instead
 * of one per delivery: the lease locks the endpoints it counts, so
 * per-delivery leases from many workers queued behind each other and capped
 * the sweep at a few dozen deliveries a second). A batch is never larger
 * than the idle workers, so no lease waits for a worker. The lease counts
 * against its endpoint's `max_in_flight` in the database, so an endpoint
 * that hangs holds only its own slots while every other endpoint's
 * deliveries keep flowing — in this process and across workers.
 */
export async function sweepWebhookDeliveries(
  container: MedusaContainer,
  options: SweepWebhookDeliveriesOptions = {}
): Promise<{ attempted: number }> {
  const service = container.resolve<OrderWebhookModuleService>(ORDER_WEBHOOK_MODULE)
  const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
  const { concurrency, timeout_ms } = service.getOptions().webhooks
  const clock = options.now ?? (() => new Date())
  // Longer than any attempt can take, so a live attempt is never taken over.
  const lease_seconds = Math.ceil(timeout_ms / 1000) + 30
  const workers = Math.max(options.delivery_ids ? Math.min(concurrency, options.delivery_ids.length) : concurrency, 1)

  let attempted = 0
  let idle = 0
  const ready: { lease: LeasedWebhookDelivery; now: Date }[] = []
  let leasing: Promise<number> | null = null
  /**
   * One lease call at a time, for the workers idle when it starts; a worker
   * that turns idle meanwhile waits for it and tries again. Resolves to the
   * number leased (0: nothing due, or the batch limit is reached).
   */
  const refill = (): Promise<number> => {
    leasing ??= (async () => {
      // Let every worker that is idle now join before the batch size is fixed.
      await Promise.resolve()
      const limit = Math.min(idle, WEBHOOK_SWEEP_BATCH - attempted - ready.length)
      if (limit <= 0) {
        return 0
      }
      const now = clock()
      const leased = await service.leaseDueDeliveries({ now, limit, lease_seconds, delivery_ids: options.delivery_ids })
      ready.push(...leased.map((lease) => ({ lease, now })))
      return leased.length
    })().finally(() => {
      leasing = null
    })
    return leasing
  }
  const worker = async () => {
    for (;;) {
      if (!ready.length) {
        idle++
        let leased: number
        try {
          leased = await refill()
        } finally {
          idle--
        }
        if (!ready.length) {
          if (!leased) {
            return
          }
          continue
        }
      }
      const { lease, now } = ready.shift()!
      attempted++
      const { errors } = await attemptWebhookDeliveryWorkflow(container).run({
        input: { delivery_id: lease.id, lease_token: lease.lease_token, now },
        throwOnError: false,
      })
      if (errors.length) {
        logger.warn(`medusa-order-ops: webhook delivery ${lease.id} attempt failed: ${errors[0].error?.message ?? errors[0].error}`)
      }
    }
  }
  await Promise.all(Array.from({ length: workers }, worker))
  return { attempted }
}
