import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { OrderOpsEvents, type DeliveryEventData } from "../events"
import { DIGITAL_DELIVERY_MODULE } from "../modules/digital-delivery"
import type DigitalDeliveryModuleService from "../modules/digital-delivery/service"
import { autoCompleteOrderWorkflow } from "../workflows/digital-delivery/workflows/auto-complete-order"
import { sendDeliveryInstructionsWorkflow } from "../workflows/digital-delivery/workflows/send-delivery-instructions"
import type { DeliveryDTO } from "../workflows/digital-delivery/utils/types"

/**
 * A delivery was delivered: email the customer what they need for downloads
 * and codes (once per delivery), then complete the order if everything in
 * it has now reached the customer.
 */
export default async function digitalDeliveryOnDelivered({ event, container }: SubscriberArgs<DeliveryEventData>) {
  const service = container.resolve<DigitalDeliveryModuleService>(DIGITAL_DELIVERY_MODULE)
  const [delivery] = (await service.listDeliveries({ id: event.data.id })) as unknown as DeliveryDTO[]
  if (delivery && (delivery.method === "download" || delivery.method === "license_code")) {
    await sendDeliveryInstructionsWorkflow(container).run({
      input: {
        order_id: delivery.order_id,
        idempotency_key: `order-ops-delivery:${delivery.id}:delivered`,
        fresh_links: false,
        delivery_ids: [delivery.id],
      },
    })
  }
  await autoCompleteOrderWorkflow(container).run({ input: { order_id: event.data.order_id } })
}

export const config: SubscriberConfig = {
  event: OrderOpsEvents.DELIVERY_DELIVERED,
  context: { subscriberId: "order-ops-digital-delivery-on-delivered" },
}
