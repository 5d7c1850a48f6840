import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { OrderOpsEvents, type CarrierWebhookEventData } from "../events"
import { drainCarrierWebhooks } from "../workflows/labels/utils/drain-carrier-webhooks"

/**
 * Carrier webhooks were written to the inbox: drain their partitions (one
 * drain per partition at a time across processes; see drainCarrierWebhooks).
 */
export default async function carrierWebhookReceived({ event: { data }, container }: SubscriberArgs<CarrierWebhookEventData>) {
  await drainCarrierWebhooks(container, { ids: data.ids, partition_keys: data.partition_keys })
}

export const config: SubscriberConfig = {
  event: OrderOpsEvents.CARRIER_WEBHOOK_RECEIVED,
  context: { subscriberId: "order-ops-carrier-webhook-received" },
}
