import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { ORDER_CASE_MODULE } from "../../../modules/order-case"
import { ORDER_HOLD_REASON_LABELS, type OrderHoldReason } from "../../../modules/order-case/models"
import type OrderCaseModuleService from "../../../modules/order-case/service"

export const assertOrderNotHeldStepId = "order-ops-assert-order-not-held"

/** Input of {@link assertOrderNotHeldStep}: the order, or a delivery of it. */
export type AssertOrderNotHeldStepInput = { order_id?: string | null; delivery_id?: string | null }

/**
 * The 400 for an order on hold, naming the hold:
 * `order: Order is on hold (High risk: "card looks stolen") — release the hold first`.
 */
export function orderOnHoldError(hold: { reason: string; note?: string | null }): MedusaError {
  const reason = ORDER_HOLD_REASON_LABELS[hold.reason as OrderHoldReason] ?? hold.reason
  const note = hold.note ? `: "${hold.note}"` : ""
  return new MedusaError(
    MedusaError.Types.NOT_ALLOWED,
    `order: Order is on hold (${reason}${note}) — release the hold first`
  )
}

/**
 * Refuses to go on while the order is on hold: put it right before anything
 * that ships or delivers (creating a shipment, buying a label, attempting a
 * digital delivery). Given a delivery id, looks up its order. Reads only.
 *
 * @throws MedusaError NOT_ALLOWED (400) naming the hold's reason and note.
 */
export const assertOrderNotHeldStep = createStep(
  assertOrderNotHeldStepId,
  async (input: AssertOrderNotHeldStepInput, { container }) => {
    let orderId = input.order_id ?? null
    if (!orderId && input.delivery_id) {
      const query = container.resolve(ContainerRegistrationKeys.QUERY)
      const { data } = await query.graph({
        entity: "delivery",
        fields: ["order_id"],
        filters: { id: input.delivery_id },
      })
      orderId = (data[0] as { order_id?: string } | undefined)?.order_id ?? null
    }
    if (!orderId) {
      return new StepResponse(null)
    }
    const service = container.resolve<OrderCaseModuleService>(ORDER_CASE_MODULE)
    const [hold] = await service.listOrderHolds({ order_id: orderId, released_at: null }, { take: 1 })
    if (hold) {
      throw orderOnHoldError(hold)
    }
    return new StepResponse(null)
  }
)
