import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { OrderWorkflowEvents, PaymentEvents } from "@medusajs/framework/utils"
import type { OrderWebhookSource } from "../workflows/order-webhooks/steps/build-order-webhook-events"
import { sweepWebhookDeliveries } from "../workflows/order-webhooks/utils/sweep-webhook-deliveries"
import { enqueueOrderWebhookEventsWorkflow } from "../workflows/order-webhooks/workflows/enqueue-order-webhook-events"

/**
 * Which change a Medusa event is, for the webhook outbox. The plugin's own
 * changes (notes, shipments, deliveries, persisted statuses) are put in the
 * outbox by the workflows that make them (`enqueueOrderWebhookEventsWorkflow`
 * run as a step), not here.
 */
function sourceOf(name: string, data: Record<string, unknown>): OrderWebhookSource | null {
  const id = data.id as string
  switch (name) {
    case OrderWorkflowEvents.PLACED:
      return { source: "order.placed", id }
    case OrderWorkflowEvents.CANCELED:
      return { source: "order.canceled", id }
    case OrderWorkflowEvents.COMPLETED:
      return { source: "order.completed", id }
    case PaymentEvents.CAPTURED:
      return { source: "payment.captured", id }
    case PaymentEvents.REFUNDED:
      return { source: "payment.refunded", id }
    default:
      return null
  }
}

/**
 * Puts the webhook events of a Medusa change in the outbox (idempotent: a retried
 * subscriber adds nothing), then attempts the new deliveries at once; what
 * fails, or never gets attempted because of a crash, the sweep job retries.
 */
export default async function orderWebhooksEnqueue({ event, container }: SubscriberArgs<Record<string, unknown>>) {
  const source = sourceOf(event.name, event.data)
  if (!source) {
    return
  }
  const { result } = await enqueueOrderWebhookEventsWorkflow(container).run({ input: source })
  if (result.delivery_ids.length) {
    await sweepWebhookDeliveries(container, { delivery_ids: result.delivery_ids })
  }
}

export const config: SubscriberConfig = {
  event: [
    OrderWorkflowEvents.PLACED,
    OrderWorkflowEvents.CANCELED,
    OrderWorkflowEvents.COMPLETED,
    PaymentEvents.CAPTURED,
    PaymentEvents.REFUNDED,
  ],
  context: { subscriberId: "order-ops-order-webhooks-enqueue" },
}
