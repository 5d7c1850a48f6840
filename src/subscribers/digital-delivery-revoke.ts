import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { ContainerRegistrationKeys, OrderWorkflowEvents, PaymentEvents } from "@medusajs/framework/utils"
import { revokeOrderDeliveriesWorkflow } from "../workflows/digital-delivery/workflows/revoke-order-deliveries"
import { runDeliveryWorkflow } from "../workflows/digital-delivery/workflows/run-delivery"

/** Records the owed revokes, then tries each now; one whose delivery is leased (an attempt in flight) is left to the sweep. */
async function revoke(container: SubscriberArgs<unknown>["container"], orderId: string, reason: string) {
  const { result } = await revokeOrderDeliveriesWorkflow(container).run({ input: { order_id: orderId, reason } })
  for (const id of result) {
    await runDeliveryWorkflow(container).run({
      input: { delivery_id: id, kind: "revoke", reason, respect_target_limit: false },
      throwOnError: false,
    })
  }
}

const num = (v: unknown) => Number((v as { numeric?: unknown })?.numeric ?? v ?? 0) || 0

/**
 * A full refund or a cancellation takes digital items back: links stop
 * working, codes are revoked, RCON revoke commands run, Discord roles go.
 * A partial refund revokes nothing (the merchant decides per item).
 */
export default async function digitalDeliveryRevoke({ event, container }: SubscriberArgs<{ id: string }>) {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  if (event.name === OrderWorkflowEvents.CANCELED) {
    await revoke(container, event.data.id, "order canceled")
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
    await revoke(container, orderId, "fully refunded")
  }
}

export const config: SubscriberConfig = {
  event: [PaymentEvents.REFUNDED, OrderWorkflowEvents.CANCELED],
  context: { subscriberId: "order-ops-digital-delivery-revoke" },
}
