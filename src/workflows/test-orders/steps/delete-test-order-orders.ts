import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { Modules } from "@medusajs/framework/utils"

/** Input of {@link deleteTestOrderOrdersStep}. */
export type DeleteTestOrderOrdersStepInput = {
  order_ids: string[]
}

export const deleteTestOrderOrdersStepId = "order-ops-delete-test-order-orders"

/**
 * Deletes the orders themselves (items, shipping methods, changes and
 * transactions go with them) through Medusa's order module, in one call.
 * Irreversible, so the delete workflow runs it after everything that can be
 * put back: if it fails, every earlier step is compensated and the order is
 * exactly as before.
 */
export const deleteTestOrderOrdersStep = createStep(
  deleteTestOrderOrdersStepId,
  async (input: DeleteTestOrderOrdersStepInput, { container }) => {
    if (input.order_ids.length) {
      await container.resolve(Modules.ORDER).deleteOrders(input.order_ids)
    }
    return new StepResponse(input.order_ids)
  }
)
