import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { ORDER_WEBHOOK_MODULE } from "../../../modules/order-webhook"
import type OrderWebhookModuleService from "../../../modules/order-webhook/service"
import type { LeasedWebhookDelivery } from "../../../modules/order-webhook/service"
import { attemptWebhookDeliveriesWorkflow } from "../workflows/attempt-webhook-deliveries"

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
 * Attempts every delivery that is due, at most `concurrency` requests in
 * flight. Whenever slots are free, ONE lease call takes up to that many due
 * deliveries (one transaction, not one per delivery), and each endpoint's
 * share of the lease runs as one attempt workflow: its deliveries are read
 * with one statement, sent together and recorded by group commit. A lease
 * counts against its endpoint's `max_in_flight` in the database, and a
 * batch never mixes endpoints, so an endpoint that hangs holds only its own
 * slots while every other endpoint's deliveries keep flowing — in this
 * process and across workers. A batch's slots free when it finishes; the
 * next lease waits until at least half the slots are free (or nothing is
 * running), so leases stay large instead of one per freed slot.
 *
 * In a sweep of everything due, a batch does not stop at its lease: once
 * it is recorded (its slots free in the database) the same workflow run
 * leases its endpoint's next due deliveries, with their data joined in the
 * lease, at most as many as it had, until nothing of its endpoint is due or
 * its share of the sweep's cap is used. That saves a workflow run, a read
 * and a trip through this loop per batch, and a hanging endpoint still holds
 * only its own batch. An immediate attempt (`delivery_ids`) is only those.
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
  const slots = Math.max(options.delivery_ids ? Math.min(concurrency, options.delivery_ids.length) : concurrency, 1)

  let attempted = 0
  /** Further attempts promised to running batches (each keeps going on its endpoint): counted against the sweep's cap. */
  let reserved = 0
  let inFlight = 0
  /** Batches finished so far: a batch that finishes while a lease call runs must not be missed. */
  let finished = 0
  const running = new Set<Promise<void>>()
  const runBatch = (batch: LeasedWebhookDelivery[], now: Date) => {
    inFlight += batch.length
    // Only the sweep of everything due keeps going; an immediate attempt (delivery_ids) is just those.
    const more = options.delivery_ids ? 0 : Math.floor(((WEBHOOK_SWEEP_BATCH - attempted - reserved) * batch.length) / slots)
    reserved += more
    const run: Promise<void> = attemptWebhookDeliveriesWorkflow(container)
      .run({
        input: {
          leases: batch.map((l) => ({ delivery_id: l.id, lease_token: l.lease_token })),
          now,
          continue: more > 0 ? { endpoint_id: batch[0].endpoint_id, more, lease_seconds } : undefined,
        },
        throwOnError: false,
      })
      .then(({ result, errors }) => {
        attempted += Math.max((result?.length ?? batch.length) - batch.length, 0)
        if (errors.length) {
          logger.warn(`medusa-order-ops: webhook attempts ${batch.map((l) => l.id).join(", ")} failed: ${errors[0].error?.message ?? errors[0].error}`)
        }
      })
      .catch((e: Error) => logger.warn(`medusa-order-ops: webhook attempts failed: ${e.message}`))
      .finally(() => {
        reserved -= more
        inFlight -= batch.length
        finished++
        running.delete(run)
      })
    running.add(run)
  }

  for (;;) {
    const seen = finished
    const free = Math.min(slots - inFlight, WEBHOOK_SWEEP_BATCH - attempted - reserved)
    const worthLeasing = free > 0 && (inFlight === 0 || free * 2 >= slots)
    let leased: LeasedWebhookDelivery[] = []
    if (worthLeasing) {
      const now = clock()
      leased = await service.leaseDueDeliveries({ now, limit: free, lease_seconds, delivery_ids: options.delivery_ids })
      attempted += leased.length
      const byEndpoint = new Map<string, LeasedWebhookDelivery[]>()
      for (const lease of leased) {
        byEndpoint.set(lease.endpoint_id, [...(byEndpoint.get(lease.endpoint_id) ?? []), lease])
      }
      for (const batch of byEndpoint.values()) {
        runBatch(batch, now)
      }
    }
    if (leased.length || finished !== seen) {
      // Work was started, or a batch finished while we leased (its slots,
      // and maybe its endpoint's, are free now): look again before waiting.
      if (inFlight < slots && attempted + reserved < WEBHOOK_SWEEP_BATCH) {
        continue
      }
    } else if (!running.size) {
      // Nothing running and nothing leasable: nothing is due (or every due
      // delivery's endpoint is at its limit in other processes).
      break
    }
    if (!running.size) {
      break
    }
    await Promise.race(running)
  }
  await Promise.all(running)
  return { attempted }
}
