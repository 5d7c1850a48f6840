import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { FulfillmentWorkflowEvents } from "@medusajs/framework/utils"
import { refreshOrderStatusWorkflow } from "../workflows/order-status/workflows/refresh-order-status"

/**
 * A fulfillment was shipped (`shipment.created`) or delivered
 * (`delivery.created`): recompute its order's persisted statuses. These
 * events carry the fulfillment id; the workflow finds the order.
 */
export default async function orderStatusOnFulfillmentProgressHandler({
  event: { data },
  container,
}: SubscriberArgs<{ id: string }>) {
  await refreshOrderStatusWorkflow(container).run({
    input: { order_ids: [], fulfillment_ids: [data.id] },
  })
}

export const config: SubscriberConfig = {
  event: [FulfillmentWorkflowEvents.SHIPMENT_CREATED, FulfillmentWorkflowEvents.DELIVERY_CREATED],
  context: { subscriberId: "order-ops-order-status-on-fulfillment-progress" },
}
