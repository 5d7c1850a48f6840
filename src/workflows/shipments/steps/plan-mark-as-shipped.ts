import { MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { fulfillableItems } from "../utils/validate-shipment-request"

/** What {@link planMarkAsShippedStep} is given: the order as Query loaded it. */
export type PlanMarkAsShippedStepInput = {
  order: {
    id: string
    display_id?: number | null
    status: string
    canceled_at?: Date | string | null
    items: {
      id: string
      title?: string | null
      quantity?: unknown
      requires_shipping?: boolean | null
      detail?: { quantity?: unknown; fulfilled_quantity?: unknown } | null
    }[]
  } | null
}

/** The plan: every unfulfilled quantity of every item that ships, or why there is nothing to do. */
/** The order's fields the plan reads: load them with `useQueryGraphStep` before the step. */
export const PLAN_MARK_AS_SHIPPED_ORDER_FIELDS = [
  "id",
  "display_id",
  "status",
  "canceled_at",
  "items.id",
  "items.title",
  "items.quantity",
  "items.requires_shipping",
  "items.detail.quantity",
  "items.detail.fulfilled_quantity",
]

export type MarkAsShippedPlan = { items: { line_item_id: string; quantity: number }[]; skip: string | null }

/**
 * *Mark as shipped* in bulk: everything still unfulfilled of the items that
 * ship (digital items are delivered, not shipped). An order with nothing
 * left is skipped with the reason, not failed. Reads only.
 *
 * @throws MedusaError NOT_FOUND for an unknown order; NOT_ALLOWED for a canceled one.
 */
export const planMarkAsShippedStep = createStep(
  "order-ops-plan-mark-as-shipped",
  async ({ order }: PlanMarkAsShippedStepInput) => {
    if (!order) {
      throw new MedusaError(MedusaError.Types.NOT_FOUND, "The order was not found")
    }
    if (order.status === "canceled" || order.canceled_at) {
      throw new MedusaError(MedusaError.Types.NOT_ALLOWED, `Order #${order.display_id ?? order.id} is canceled; it cannot be shipped`)
    }
    const ships = new Set(order.items.filter((i) => i.requires_shipping !== false).map((i) => i.id))
    const items = fulfillableItems(order.items)
      .filter((i) => ships.has(i.line_item_id) && i.fulfillable_quantity > 0)
      .map((i) => ({ line_item_id: i.line_item_id, quantity: i.fulfillable_quantity }))
    return new StepResponse<MarkAsShippedPlan>({ items, skip: items.length ? null : "Nothing left to ship" })
  }
)
