import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { ContainerRegistrationKeys, OrderWorkflowEvents, PaymentEvents } from "@medusajs/framework/utils"
import { revokeOrderDeliveriesWorkflow } from "../workflows/digital-delivery/workflows/revoke-order-deliveries"

const num = (v: unknown) => Number((v as { numeric?: unknown })?.numeric ?? v ?? 0) || 0

/**
 * A full refund or a cancellation takes digital items back: links stop
 * working, codes are revoked, RCON revoke commands run, Discord roles go.
 * A partial refund revokes nothing (the merchant decides per item).
 */
export default async function digitalDeliveryRevoke({ event, container }: SubscriberArgs<{ id: string }>) {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  if (event.name === OrderWorkflowEvents.CANCELED) {
    await revokeOrderDeliveriesWorkflow(container).run({ input: { order_id: event.data.id, reason: "order canceled" } })
    return
  }
  const { data } = await query.graph({
    entity: "payment",
    fields: ["payment_collection.order.id", "payment_collection.captured_amount", "payment_collection.refunded_amount"],
    filters: { id: event.data.id },
  })
  const collection = (data[0] as { payment_collection?: { order?: { id?: string }; captured_amount?: unknown; refunded_amount?: unknown } } | undefined)
    ?.payment_collection
  const orderId = collection?.order?.id
  if (!orderId) {
    return
  }
  const captured = num(collection?.captured_amount)
  const refunded = num(collection?.refunded_amount)
  if (captured > 0 && refunded >= captured) {
    await revokeOrderDeliveriesWorkflow(container).run({ input: { order_id: orderId, reason: "fully refunded" } })
  }
}

export const config: SubscriberConfig = {
  event: [PaymentEvents.REFUNDED, OrderWorkflowEvents.CANCELED],
  context: { subscriberId: "order-ops-digital-delivery-revoke" },
}
