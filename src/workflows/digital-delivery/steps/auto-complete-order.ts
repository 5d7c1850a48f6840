import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import {
  completeOrderWorkflow,
  createOrderFulfillmentWorkflow,
  markOrderFulfillmentAsDeliveredWorkflow,
} from "@medusajs/medusa/core-flows"
import { DIGITAL_DELIVERY_MODULE } from "../../../modules/digital-delivery"
import type DigitalDeliveryModuleService from "../../../modules/digital-delivery/service"
import { ORDER_ACTIVITY_MODULE } from "../../../modules/order-activity"
import type OrderActivityModuleService from "../../../modules/order-activity/service"
import { refreshOrderStatusWorkflow } from "../../order-status/workflows/refresh-order-status"
import { loadDeliveryOrder } from "../utils/order-context"
import type { DeliveryDTO } from "../utils/types"

export type AutoCompleteResult = { completed: boolean; reason: string }

export const autoCompleteOrderStepId = "order-ops-auto-complete-order"

/**
 * Completes an order once everything in it has reached the customer: every
 * digital delivery delivered, and every physical item delivered (or there
 * are none). The digital items get a Medusa fulfillment marked delivered
 * (through core's workflows), then Medusa's complete-order workflow runs.
 * Does nothing — and says why — otherwise, or when `auto_complete` is off.
 */
export const autoCompleteOrderStep = createStep(
  autoCompleteOrderStepId,
  async (input: { order_id: string }, { container }) => {
    const service = container.resolve<DigitalDeliveryModuleService>(DIGITAL_DELIVERY_MODULE)
    const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
    const done = (completed: boolean, reason: string) => new StepResponse<AutoCompleteResult>({ completed, reason })
    if (!service.getOptions().digital_delivery.auto_complete) {
      return done(false, "auto_complete is off")
    }
    // The deliveries first: one cheap query settles the common case (another item still on its way)
    // before the order itself is loaded.
    const deliveries = (await service.listDeliveries(
      { order_id: input.order_id },
      { select: ["id", "line_item_id", "status"] }
    )) as unknown as DeliveryDTO[]
    if (!deliveries.length) {
      return done(false, "no digital deliveries")
    }
    if (deliveries.some((d) => d.status !== "delivered")) {
      return done(false, "not every digital item is delivered")
    }
    const order = await loadDeliveryOrder(container, input.order_id)
    if (!order || ["completed", "canceled", "archived", "draft"].includes(order.status)) {
      return done(false, `order is ${order?.status ?? "missing"}`)
    }
    const digitalItems = new Set(deliveries.map((d) => d.line_item_id))
    const physical = order.items.filter((i) => !digitalItems.has(i.id) && i.requires_shipping)
    if (physical.some((i) => i.delivered_quantity < i.quantity)) {
      return done(false, "physical items are not delivered yet")
    }
    const unfulfilled = order.items.filter((i) => digitalItems.has(i.id) && i.fulfilled_quantity < i.quantity)
    if (unfulfilled.length) {
      try {
        const { result: fulfillment } = await createOrderFulfillmentWorkflow(container).run({
          input: {
            order_id: order.id,
            items: unfulfilled.map((i) => ({ id: i.id, quantity: i.quantity - i.fulfilled_quantity })),
            no_notification: true,
            metadata: { order_ops_digital: true },
          },
        })
        await markOrderFulfillmentAsDeliveredWorkflow(container).run({
          input: { orderId: order.id, fulfillmentId: fulfillment.id },
        })
      } catch (error) {
        // An order without a shipping method for its digital items: completed without a core fulfillment.
        logger.warn(`medusa-order-ops: no core fulfillment for digital items of ${order.id}: ${(error as Error).message}`)
      }
    }
    try {
      await completeOrderWorkflow(container).run({ input: { orderIds: [order.id] } })
    } catch (error) {
      const again = await loadDeliveryOrder(container, order.id)
      if (again?.status === "completed") {
        return done(false, "already completed")
      }
      throw error
    }
    await container.resolve<OrderActivityModuleService>(ORDER_ACTIVITY_MODULE).createOrderActivities({
      order_id: order.id,
      kind: "order.auto_completed",
      actor_type: "system",
      resource_type: "order",
      resource_id: order.id,
      occurred_at: new Date(),
      data: { deliveries: deliveries.length },
    })
    await refreshOrderStatusWorkflow(container).run({ input: { order_ids: [order.id] } })
    return done(true, "every item delivered")
  }
)
