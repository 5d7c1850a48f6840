import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { PaymentEvents } from "@medusajs/framework/utils"
import { refreshOrderStatusWorkflow } from "../workflows/order-status/workflows/refresh-order-status"

/**
 * A payment was captured or refunded: recompute its order's persisted
 * statuses. These events carry the payment id; the workflow finds the order
 * through the payment collection.
 */
export default async function orderStatusOnPaymentEventsHandler({
  event: { data },
  container,
}: SubscriberArgs<{ id: string }>) {
  await refreshOrderStatusWorkflow(container).run({
    input: { order_ids: [], payment_ids: [data.id] },
  })
}

export const config: SubscriberConfig = {
  event: [PaymentEvents.CAPTURED, PaymentEvents.REFUNDED],
  context: { subscriberId: "order-ops-order-status-on-payment-events" },
}
