import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { OrderWorkflowEvents } from "@medusajs/framework/utils"
import { refreshOrderStatusWorkflow } from "../workflows/order-status/workflows/refresh-order-status"

/**
 * An order was placed, updated, canceled or completed: recompute its
 * persisted statuses. These events carry the order id as `id`.
 */
export default async function orderStatusOnOrderEventsHandler({
  event: { data },
  container,
}: SubscriberArgs<{ id: string }>) {
  await refreshOrderStatusWorkflow(container).run({ input: { order_ids: [data.id] } })
}

export const config: SubscriberConfig = {
  event: [OrderWorkflowEvents.PLACED, OrderWorkflowEvents.UPDATED, OrderWorkflowEvents.CANCELED, OrderWorkflowEvents.COMPLETED],
  context: { subscriberId: "order-ops-order-status-on-order-events" },
}
