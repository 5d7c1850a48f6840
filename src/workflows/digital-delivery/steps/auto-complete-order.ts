import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { DIGITAL_DELIVERY_MODULE } from "../../../modules/digital-delivery"
import type DigitalDeliveryModuleService from "../../../modules/digital-delivery/service"
import { loadDeliveryOrder, type DeliveryOrder } from "../utils/order-context"
import type { DeliveryDTO } from "../utils/types"

/** What {@link planAutoCompleteOrderStep} decided. */
export type AutoCompletePlan = {
  order_id: string
  /** Complete the order now. */
  complete: boolean
  /** Why (or why not): shown in logs and tests. */
  reason: string
  /** Digital items still without a Medusa fulfillment: one is created and marked delivered first. */
  fulfill_items: { id: string; quantity: number }[]
  deliveries: number
}

/** Order statuses that are never completed automatically. */
const SETTLED_ORDER_STATUSES = ["completed", "canceled", "archived", "draft"]

/**
 * Pure rule: whether an order whose deliveries are `deliveries` may be
 * completed now — every digital delivery delivered, every physical item
 * delivered (or there are none), the order still open.
 */
export function decideAutoComplete(
  order: DeliveryOrder | null,
  deliveries: Pick<DeliveryDTO, "line_item_id" | "status">[],
  options: { auto_complete: boolean; fulfill: boolean }
): Omit<AutoCompletePlan, "order_id"> {
  const no = (reason: string) => ({ complete: false, reason, fulfill_items: [], deliveries: deliveries.length })
  if (!options.auto_complete) {
    return no("auto_complete is off")
  }
  if (!deliveries.length) {
    return no("no digital deliveries")
  }
  if (deliveries.some((d) => d.status !== "delivered")) {
    return no("not every digital item is delivered")
  }
  if (!order || SETTLED_ORDER_STATUSES.includes(order.status)) {
    return no(`order is ${order?.status ?? "missing"}`)
  }
  const digitalItems = new Set(deliveries.map((d) => d.line_item_id))
  const physical = order.items.filter((i) => !digitalItems.has(i.id) && i.requires_shipping)
  if (physical.some((i) => i.delivered_quantity < i.quantity)) {
    return no("physical items are not delivered yet")
  }
  const fulfill_items = options.fulfill
    ? order.items
        .filter((i) => digitalItems.has(i.id) && i.fulfilled_quantity < i.quantity)
        .map((i) => ({ id: i.id, quantity: i.quantity - i.fulfilled_quantity }))
    : []
  return { complete: true, reason: "every item delivered", fulfill_items, deliveries: deliveries.length }
}

export const planAutoCompleteOrderStepId = "order-ops-plan-auto-complete-order"

/**
 * Reads what completing an order needs (its deliveries first: one cheap
 * query settles the common case of another item still on its way) and
 * decides with {@link decideAutoComplete}. Writes nothing.
 */
export const planAutoCompleteOrderStep = createStep(
  planAutoCompleteOrderStepId,
  async (input: { order_id: string; skip_fulfillment?: boolean }, { container }) => {
    const service = container.resolve<DigitalDeliveryModuleService>(DIGITAL_DELIVERY_MODULE)
    const options = { auto_complete: service.getOptions().digital_delivery.auto_complete, fulfill: !input.skip_fulfillment }
    const deliveries = options.auto_complete
      ? ((await service.listDeliveries({ order_id: input.order_id }, { select: ["id", "line_item_id", "status"] })) as unknown as DeliveryDTO[])
      : []
    const ready = deliveries.length > 0 && deliveries.every((d) => d.status === "delivered")
    const order = ready ? await loadDeliveryOrder(container, input.order_id) : null
    if (order && options.fulfill) {
      // Medusa fulfills items through a shipping method: an order without one (created by hand or
      // by an import) is completed without a core fulfillment for its digital items.
      const { data } = await container
        .resolve(ContainerRegistrationKeys.QUERY)
        .graph({ entity: "order", fields: ["id", "shipping_methods.id"], filters: { id: input.order_id } })
      options.fulfill = ((data[0] as { shipping_methods?: unknown[] } | undefined)?.shipping_methods ?? []).length > 0
    }
    const plan = decideAutoComplete(ready ? order : null, deliveries, options)
    if (input.skip_fulfillment && plan.complete) {
      container
        .resolve(ContainerRegistrationKeys.LOGGER)
        .warn(`medusa-order-ops: completing ${input.order_id} without a core fulfillment for its digital items (creating one failed before)`)
    }
    return new StepResponse<AutoCompletePlan>({ order_id: input.order_id, ...plan })
  }
)
