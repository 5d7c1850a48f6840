import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { OrderWorkflowEvents, PaymentEvents } from "@medusajs/framework/utils"
import { OrderOpsEvents, type OrderNoteEventData, type OrderStatusChangedEventData, type ShipmentEventData } from "../events"
import type { OrderWebhookSource } from "../workflows/order-webhooks/steps/build-order-webhook-events"
import { sweepWebhookDeliveries } from "../workflows/order-webhooks/utils/sweep-webhook-deliveries"
import { enqueueOrderWebhookEventsWorkflow } from "../workflows/order-webhooks/workflows/enqueue-order-webhook-events"

/** Which change a Medusa or plugin event is, for the webhook outbox. */
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
    case OrderOpsEvents.NOTE_CREATED:
    case OrderOpsEvents.NOTE_UPDATED:
      return (data as OrderNoteEventData).notify_customer ? { source: "note.shared", id } : null
    case OrderOpsEvents.SHIPMENT_STATUS_CHANGED: {
      const s = data as ShipmentEventData
      return s.status ? { source: "shipment.status_changed", id, order_id: s.order_id, status: s.status, previous_status: s.previous_status ?? null } : null
    }
    case OrderOpsEvents.ORDER_STATUS_CHANGED: {
      const c = data as OrderStatusChangedEventData
      return {
        source: "order.status_changed",
        id,
        computed_at: c.computed_at,
        fulfillment_status: c.fulfillment_status,
        previous_fulfillment_status: c.previous_fulfillment_status,
        payment_status: c.payment_status,
        previous_payment_status: c.previous_payment_status,
      }
    }
    case OrderOpsEvents.DELIVERY_DELIVERED:
      return { source: "delivery.delivered", id }
    case OrderOpsEvents.DELIVERY_FAILED:
      return { source: "delivery.failed", id }
    default:
      return null
  }
}

/**
 * Puts the webhook events of a change in the outbox (idempotent: a retried
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
    OrderOpsEvents.NOTE_CREATED,
    OrderOpsEvents.NOTE_UPDATED,
    OrderOpsEvents.SHIPMENT_STATUS_CHANGED,
    OrderOpsEvents.DELIVERY_DELIVERED,
    OrderOpsEvents.DELIVERY_FAILED,
    OrderOpsEvents.ORDER_STATUS_CHANGED,
  ],
  context: { subscriberId: "order-ops-order-webhooks-enqueue" },
}
