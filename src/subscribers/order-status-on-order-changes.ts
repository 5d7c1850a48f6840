import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { OrderEditWorkflowEvents, OrderWorkflowEvents } from "@medusajs/framework/utils"
import { refreshOrderStatusWorkflow } from "../workflows/order-status/workflows/refresh-order-status"

/**
 * Something moved an order's items — a fulfillment created, a return
 * received, a claim, an exchange or an edit confirmed: recompute its
 * persisted statuses. These events carry `order_id`. A canceled fulfillment
 * is `applyCoreFulfillmentEventWorkflow`'s (shipment-on-core-fulfillment-events),
 * which recomputes only when no shipment move already did.
 */
export default async function orderStatusOnOrderChangesHandler({
  event: { data },
  container,
}: SubscriberArgs<{ order_id: string }>) {
  await refreshOrderStatusWorkflow(container).run({ input: { order_ids: [data.order_id] } })
}

export const config: SubscriberConfig = {
  event: [
    OrderWorkflowEvents.FULFILLMENT_CREATED,
    OrderWorkflowEvents.RETURN_RECEIVED,
    OrderWorkflowEvents.CLAIM_CREATED,
    OrderWorkflowEvents.EXCHANGE_CREATED,
    OrderEditWorkflowEvents.CONFIRMED,
  ],
  context: { subscriberId: "order-ops-order-status-on-order-changes" },
}
