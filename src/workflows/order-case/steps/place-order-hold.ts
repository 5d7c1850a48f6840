import { MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { ORDER_CASE_MODULE } from "../../../modules/order-case"
import type { OrderHoldReason } from "../../../modules/order-case/models"
import type OrderCaseModuleService from "../../../modules/order-case/service"

export type PlaceOrderHoldStepInput = {
  order_id: string
  reason: OrderHoldReason
  note?: string | null
  actor_id?: string | null
}

export const placeOrderHoldStepId = "order-ops-place-order-hold"

/**
 * Writes the hold. Compensation deletes it.
 *
 * @throws MedusaError CONFLICT when the order is already on hold.
 */
export const placeOrderHoldStep = createStep(
  placeOrderHoldStepId,
  async (input: PlaceOrderHoldStepInput, { container }) => {
    const service = container.resolve<OrderCaseModuleService>(ORDER_CASE_MODULE)
    const [active] = await service.listOrderHolds({ order_id: input.order_id, released_at: null }, { take: 1 })
    if (active) {
      throw new MedusaError(MedusaError.Types.CONFLICT, "order: Order is already on hold")
    }
    const hold = await service.createOrderHolds({
      order_id: input.order_id,
      reason: input.reason,
      note: input.note?.trim() || null,
      placed_by: input.actor_id ?? null,
      placed_at: new Date(),
    })
    return new StepResponse(hold, hold.id)
  },
  async (id, { container }) => {
    if (!id) {
      return
    }
    await container.resolve<OrderCaseModuleService>(ORDER_CASE_MODULE).deleteOrderHolds(id)
  }
)
