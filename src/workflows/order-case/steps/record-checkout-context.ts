import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { ORDER_CASE_MODULE } from "../../../modules/order-case"
import type OrderCaseModuleService from "../../../modules/order-case/service"

/** Input of {@link recordCheckoutContextStep}. */
export type RecordCheckoutContextStepInput = {
  cart_id: string
  /** The client's IP address, as the store API saw it. */
  ip: string | null
  user_agent: string | null
  recorded_at: Date | string
}

type Previous = { id: string; created: boolean; before?: { order_id: string | null; ip: string | null; user_agent: string | null; recorded_at: Date } }

export const recordCheckoutContextStepId = "order-ops-record-checkout-context"

/**
 * Records who completed a cart (one row per cart; a later completion request
 * of the same cart replaces the client) and links the row to the order the
 * cart became, through Medusa's order–cart link, when there is one.
 * Compensation deletes the row it created or restores the one it changed.
 */
export const recordCheckoutContextStep = createStep(
  recordCheckoutContextStepId,
  async (input: RecordCheckoutContextStepInput, { container }) => {
    const service = container.resolve<OrderCaseModuleService>(ORDER_CASE_MODULE)
    const { data: links } = await container.resolve(ContainerRegistrationKeys.QUERY).graph({
      entity: "order_cart",
      fields: ["order_id"],
      filters: { cart_id: input.cart_id },
    })
    const orderId = (links[0]?.order_id as string | undefined) ?? null
    const values = {
      ip: input.ip,
      user_agent: input.user_agent,
      recorded_at: new Date(input.recorded_at),
    }
    const [existing] = await service.listCheckoutContexts({ cart_id: input.cart_id }, { take: 1 })
    if (existing) {
      const updated = await service.updateCheckoutContexts({ id: existing.id, ...values, order_id: orderId ?? existing.order_id })
      const previous: Previous = {
        id: existing.id,
        created: false,
        before: { order_id: existing.order_id, ip: existing.ip, user_agent: existing.user_agent, recorded_at: existing.recorded_at },
      }
      return new StepResponse(updated, previous)
    }
    const created = await service.createCheckoutContexts({ cart_id: input.cart_id, order_id: orderId, ...values })
    return new StepResponse(created, { id: created.id, created: true } as Previous)
  },
  async (previous, { container }) => {
    if (!previous) {
      return
    }
    const service = container.resolve<OrderCaseModuleService>(ORDER_CASE_MODULE)
    if (previous.created) {
      await service.deleteCheckoutContexts(previous.id)
    } else if (previous.before) {
      await service.updateCheckoutContexts({ id: previous.id, ...previous.before })
    }
  }
)
