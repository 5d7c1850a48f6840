import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { Modules } from "@medusajs/framework/utils"

/** Input of {@link deleteTestOrderOrdersStep}. */
export type DeleteTestOrderOrdersStepInput = {
  order_ids: string[]
  fulfillment_ids: string[]
}

export const deleteTestOrderOrdersStepId = "order-ops-delete-test-order-orders"

/**
 * Deletes the orders' fulfillments (canceled first, as the fulfillment
 * module requires) and the orders themselves (items, shipping methods,
 * changes and transactions go with them) through Medusa's module services.
 * Irreversible, so the delete workflow runs it last, after everything that
 * can be put back.
 */
export const deleteTestOrderOrdersStep = createStep(
  deleteTestOrderOrdersStepId,
  async (input: DeleteTestOrderOrdersStepInput, { container }) => {
    const fulfillment = container.resolve(Modules.FULFILLMENT)
    for (const id of input.fulfillment_ids) {
      const [current] = await fulfillment.listFulfillments({ id }, { select: ["id", "canceled_at"] })
      if (!current) {
        continue
      }
      if (!current.canceled_at) {
        await fulfillment.cancelFulfillment(id)
      }
      await fulfillment.deleteFulfillment(id)
    }
    if (input.order_ids.length) {
      await container.resolve(Modules.ORDER).deleteOrders(input.order_ids)
    }
    return new StepResponse(input.order_ids)
  }
)
