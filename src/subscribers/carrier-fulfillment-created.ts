import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { OrderWorkflowEvents } from "@medusajs/framework/utils"
import {
  recordCheckoutLabelWorkflow,
  type RecordCheckoutLabelWorkflowInput,
} from "../workflows/labels/workflows/record-checkout-label"

/**
 * Core's `order.fulfillment_created`: records a label our carrier fulfillment
 * provider bought (see `recordCheckoutLabelWorkflow`); other fulfillments
 * are ignored there.
 */
export default async function carrierFulfillmentCreated({ event, container }: SubscriberArgs<RecordCheckoutLabelWorkflowInput>) {
  await recordCheckoutLabelWorkflow(container).run({
    input: {
      order_id: event.data.order_id,
      fulfillment_id: event.data.fulfillment_id,
      no_notification: event.data.no_notification,
    },
  })
}

export const config: SubscriberConfig = {
  event: OrderWorkflowEvents.FULFILLMENT_CREATED,
  context: { subscriberId: "order-ops-carrier-fulfillment-created" },
}
