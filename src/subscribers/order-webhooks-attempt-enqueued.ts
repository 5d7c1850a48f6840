import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { OrderOpsEvents } from "../events"
import { sweepWebhookDeliveries } from "../workflows/order-webhooks/utils/sweep-webhook-deliveries"

/**
 * A plugin workflow put new webhook deliveries in the outbox with its change
 * (`order_ops.webhook_deliveries.enqueued`, sent once it succeeded): attempt
 * them at once. What fails, or never gets attempted because of a crash, the
 * sweep job retries from the rows.
 */
export default async function orderWebhooksAttemptEnqueued({ event, container }: SubscriberArgs<{ delivery_ids: string[] }>) {
  if (event.data.delivery_ids?.length) {
    await sweepWebhookDeliveries(container, { delivery_ids: event.data.delivery_ids })
  }
}

export const config: SubscriberConfig = {
  event: OrderOpsEvents.WEBHOOK_DELIVERIES_ENQUEUED,
  context: { subscriberId: "order-ops-order-webhooks-attempt-enqueued" },
}
