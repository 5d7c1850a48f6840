import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { ORDER_WEBHOOK_MODULE } from "../../../modules/order-webhook"
import type OrderWebhookModuleService from "../../../modules/order-webhook/service"
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
 * at a time. Each worker leases ONE delivery just before attempting it; the
 * lease counts against its endpoint's `max_in_flight` in the database, so
 * an endpoint that hangs holds only its own slots while every other
 * endpoint's deliveries keep flowing — in this process and across workers.
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
  let attempted = 0
  const worker = async () => {
    while (attempted < WEBHOOK_SWEEP_BATCH) {
      const now = clock()
      const [leased] = await service.leaseDueDeliveries({ now, limit: 1, lease_seconds, delivery_ids: options.delivery_ids })
      if (!leased) {
        return
      }
      attempted++
      const { errors } = await attemptWebhookDeliveryWorkflow(container).run({
        input: { delivery_id: leased.id, lease_token: leased.lease_token, now },
        throwOnError: false,
      })
      if (errors.length) {
        logger.warn(`medusa-order-ops: webhook delivery ${leased.id} attempt failed: ${errors[0].error?.message ?? errors[0].error}`)
      }
    }
  }
  const workers = options.delivery_ids ? Math.min(concurrency, options.delivery_ids.length) : concurrency
  await Promise.all(Array.from({ length: Math.max(workers, 1) }, worker))
  return { attempted }
}
