import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { Modules } from "@medusajs/framework/utils"

export const detachTestOrderFulfillmentsStepId = "order-ops-detach-test-order-fulfillments"

/**
 * Marks the test orders' fulfillments as ended (`canceled_at`) so they can
 * be removed — without Medusa's cancel, which refuses a fulfillment already
 * shipped or delivered and would ask the fulfillment provider to cancel it
 * (a test order's shipment and delivery are make-believe; there is nothing
 * to cancel). Compensation puts each one's previous `canceled_at` back.
 */
export const detachTestOrderFulfillmentsStep = createStep(
  detachTestOrderFulfillmentsStepId,
  async (input: { fulfillment_ids: string[] }, { container }) => {
    const fulfillment = container.resolve(Modules.FULFILLMENT)
    const changed: string[] = []
    if (input.fulfillment_ids.length) {
      const current = await fulfillment.listFulfillments({ id: input.fulfillment_ids }, { select: ["id", "canceled_at"] })
      const now = new Date()
      for (const f of current) {
        if (!f.canceled_at) {
          await fulfillment.updateFulfillment(f.id, { canceled_at: now } as Parameters<typeof fulfillment.updateFulfillment>[1])
          changed.push(f.id)
        }
      }
    }
    return new StepResponse(changed, changed)
  },
  async (changed, { container }) => {
    if (!changed?.length) {
      return
    }
    const fulfillment = container.resolve(Modules.FULFILLMENT)
    for (const id of changed) {
      await fulfillment.updateFulfillment(id, { canceled_at: null } as Parameters<typeof fulfillment.updateFulfillment>[1])
    }
  }
)

export const purgeTestOrderFulfillmentsStepId = "order-ops-purge-test-order-fulfillments"

/**
 * Removes the fulfillments of test orders already deleted (ended and
 * unlinked by the steps before). Runs after the orders are gone, so it
 * never has to be undone; a fulfillment it cannot remove stays behind
 * unlinked and ended, referenced by nothing.
 */
export const purgeTestOrderFulfillmentsStep = createStep(
  purgeTestOrderFulfillmentsStepId,
  async (input: { fulfillment_ids: string[] }, { container }) => {
    const fulfillment = container.resolve(Modules.FULFILLMENT)
    for (const id of input.fulfillment_ids) {
      const [current] = await fulfillment.listFulfillments({ id }, { select: ["id"] })
      if (current) {
        await fulfillment.deleteFulfillment(id)
      }
    }
    return new StepResponse(input.fulfillment_ids)
  }
)
