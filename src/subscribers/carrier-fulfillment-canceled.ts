import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { OrderWorkflowEvents } from "@medusajs/framework/utils"
import {
  cancelCheckoutLabelWorkflow,
  type CancelCheckoutLabelWorkflowInput,
} from "../workflows/labels/workflows/cancel-checkout-label"

/**
 * Core's `order.fulfillment_canceled`: a checkout label's ledger row and
 * shipment follow the cancel (see `cancelCheckoutLabelWorkflow`).
 */
export default async function carrierFulfillmentCanceled({ event, container }: SubscriberArgs<CancelCheckoutLabelWorkflowInput>) {
  await cancelCheckoutLabelWorkflow(container).run({
    input: { order_id: event.data.order_id, fulfillment_id: event.data.fulfillment_id },
  })
}

export const config: SubscriberConfig = {
  event: OrderWorkflowEvents.FULFILLMENT_CANCELED,
  context: { subscriberId: "order-ops-carrier-fulfillment-canceled" },
}
