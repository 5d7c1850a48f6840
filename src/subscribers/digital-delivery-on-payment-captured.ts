import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { ContainerRegistrationKeys, PaymentEvents } from "@medusajs/framework/utils"
import { createOrderDeliveriesWorkflow } from "../workflows/digital-delivery/workflows/create-order-deliveries"
import { runDeliveryWorkflow } from "../workflows/digital-delivery/workflows/run-delivery"

/**
 * A payment was captured: create the deliveries of the order's digital items
 * and attempt each at once (the sweep job retries what fails).
 */
export default async function digitalDeliveryOnPaymentCaptured({ event, container }: SubscriberArgs<{ id: string }>) {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({
    entity: "payment",
    fields: ["id", "payment_collection.order.id"],
    filters: { id: event.data.id },
  })
  const orderId = (data[0] as { payment_collection?: { order?: { id?: string } } } | undefined)?.payment_collection?.order?.id
  if (!orderId) {
    return
  }
  const { result } = await createOrderDeliveriesWorkflow(container).run({ input: { order_id: orderId } })
  for (const id of result.created) {
    await runDeliveryWorkflow(container).run({ input: { delivery_id: id }, throwOnError: false })
  }
}

export const config: SubscriberConfig = {
  event: PaymentEvents.CAPTURED,
  context: { subscriberId: "order-ops-digital-delivery-on-payment-captured" },
}
