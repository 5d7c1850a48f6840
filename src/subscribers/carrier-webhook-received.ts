import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { OrderOpsEvents, type CarrierWebhookEventData } from "../events"
import { applyCarrierWebhooksWorkflow } from "../workflows/labels/workflows/apply-carrier-webhooks"

/** Applies carrier webhooks as soon as the route has written them to the inbox. */
export default async function carrierWebhookReceived({ event, container }: SubscriberArgs<CarrierWebhookEventData>) {
  await applyCarrierWebhooksWorkflow(container).run({ input: { ids: event.data.ids } })
}

export const config: SubscriberConfig = {
  event: OrderOpsEvents.CARRIER_WEBHOOK_RECEIVED,
  context: { subscriberId: "order-ops-carrier-webhook-received" },
}
