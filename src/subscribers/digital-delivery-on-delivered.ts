import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import pLimit from "p-limit"
import { OrderOpsEvents, type DeliveryEventData } from "../events"
import { DIGITAL_DELIVERY_MODULE } from "../modules/digital-delivery"
import type DigitalDeliveryModuleService from "../modules/digital-delivery/service"
import { autoCompleteOrderWorkflow } from "../workflows/digital-delivery/workflows/auto-complete-order"
import { sendDeliveryInstructionsWorkflow } from "../workflows/digital-delivery/workflows/send-delivery-instructions"
import type { DeliveryDTO } from "../workflows/digital-delivery/utils/types"

type Limit = ReturnType<typeof pLimit>
let limits: { size: number; email: Limit; complete: Limit } | null = null

/**
 * The follow-ups' turn-takers, `digital_delivery.follow_up_concurrency` at a
 * time per kind. Only a bound on work already handed to this process: the
 * event (and, with the Redis event bus, its retries) stays the source of truth.
 */
function followUpLimits(size: number) {
  if (!limits || limits.size !== size) {
    limits = { size, email: pLimit(size), complete: pLimit(size) }
  }
  return limits
}

/**
 * A delivery was delivered: email the customer what they need for downloads
 * and codes (once per delivery), then complete the order if everything in
 * it has now reached the customer. Both take turns (see
 * `follow_up_concurrency`): completing an order runs three of Medusa's
 * workflows, and a burst of a thousand of them at once would starve the
 * deliveries still being attempted of database connections.
 */
export default async function digitalDeliveryOnDelivered({ event, container }: SubscriberArgs<DeliveryEventData>) {
  const service = container.resolve<DigitalDeliveryModuleService>(DIGITAL_DELIVERY_MODULE)
  const { email, complete } = followUpLimits(service.getOptions().digital_delivery.follow_up_concurrency)
  await email(async () => {
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
  })
  await complete(() => autoCompleteOrderWorkflow(container).run({ input: { order_id: event.data.order_id } }))
}

export const config: SubscriberConfig = {
  event: OrderOpsEvents.DELIVERY_DELIVERED,
  context: { subscriberId: "order-ops-digital-delivery-on-delivered" },
}
