import { randomUUID } from "node:crypto"
import { setTimeout as sleep } from "node:timers/promises"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { MedusaError, Modules } from "@medusajs/framework/utils"

/** How long a delete waits for the order's own running work before refusing (409). */
export const TEST_ORDER_DELETE_LOCK_WAIT_SECONDS = 30

/**
 * The locks an order's own work takes: Medusa's workflows lock the order
 * id, auto-complete its own key. Holding them makes a delete wait for that
 * work and keeps it out until the delete ends. (The status refresh takes no
 * lock: its guarded upsert finds no order to compute once it is deleted.)
 */
export function testOrderLockKeys(orderIds: string[]): string[] {
  return [...new Set(orderIds)].flatMap((id) => [id, `order-ops-auto-complete:${id}`])
}

export const lockTestOrdersStepId = "order-ops-lock-test-orders"

/**
 * Takes the locks of the orders being deleted (see {@link testOrderLockKeys}),
 * waiting up to TEST_ORDER_DELETE_LOCK_WAIT_SECONDS for work already running
 * on them. Compensation releases them; the workflow releases them at its end.
 *
 * @throws MedusaError CONFLICT (409) when the orders are still busy after the wait.
 */
export const lockTestOrdersStep = createStep(
  lockTestOrdersStepId,
  async (input: { order_ids: string[]; wait_seconds?: number }, { container }) => {
    const keys = testOrderLockKeys(input.order_ids)
    const owner = `order-ops-delete-test-orders:${randomUUID()}`
    if (!keys.length) {
      return new StepResponse({ keys, owner }, null)
    }
    const locking = container.resolve(Modules.LOCKING)
    const until = Date.now() + (input.wait_seconds ?? TEST_ORDER_DELETE_LOCK_WAIT_SECONDS) * 1000
    for (;;) {
      try {
        await locking.acquire(keys, { ownerId: owner, expire: 120 })
        break
      } catch {
        if (Date.now() >= until) {
          throw new MedusaError(
            MedusaError.Types.CONFLICT,
            "order_ids: the test order is still being processed (payment, deliveries or statuses); try again in a moment"
          )
        }
        await sleep(300)
      }
    }
    return new StepResponse({ keys, owner }, { keys, owner })
  },
  async (held, { container }) => {
    if (held?.keys.length) {
      await container.resolve(Modules.LOCKING).release(held.keys, { ownerId: held.owner })
    }
  }
)

export const unlockTestOrdersStepId = "order-ops-unlock-test-orders"

/** Releases what {@link lockTestOrdersStep} took, once the delete is done. */
export const unlockTestOrdersStep = createStep(
  unlockTestOrdersStepId,
  async (held: { keys: string[]; owner: string }, { container }) => {
    if (held.keys.length) {
      await container.resolve(Modules.LOCKING).release(held.keys, { ownerId: held.owner })
    }
    return new StepResponse(undefined)
  }
)
