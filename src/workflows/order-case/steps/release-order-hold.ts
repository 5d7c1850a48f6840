import { MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { ORDER_CASE_MODULE } from "../../../modules/order-case"
import type OrderCaseModuleService from "../../../modules/order-case/service"

export type ReleaseOrderHoldStepInput = { order_id: string; note?: string | null; actor_id?: string | null }

export const releaseOrderHoldStepId = "order-ops-release-order-hold"

/**
 * Releases the order's active hold (kept as history). Compensation makes it
 * active again.
 *
 * @throws MedusaError NOT_ALLOWED when the order is not on hold.
 */
export const releaseOrderHoldStep = createStep(
  releaseOrderHoldStepId,
  async (input: ReleaseOrderHoldStepInput, { container }) => {
    const service = container.resolve<OrderCaseModuleService>(ORDER_CASE_MODULE)
    const [active] = await service.listOrderHolds({ order_id: input.order_id, released_at: null }, { take: 1 })
    if (!active) {
      throw new MedusaError(MedusaError.Types.NOT_ALLOWED, "order: Order is not on hold")
    }
    const released = await service.updateOrderHolds({
      id: active.id,
      released_at: new Date(),
      released_by: input.actor_id ?? null,
      release_note: input.note?.trim() || null,
    })
    return new StepResponse(released, active.id)
  },
  async (id, { container }) => {
    if (!id) {
      return
    }
    await container
      .resolve<OrderCaseModuleService>(ORDER_CASE_MODULE)
      .updateOrderHolds({ id, released_at: null, released_by: null, release_note: null })
  }
)
