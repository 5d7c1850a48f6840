import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { OrderWorkflowEvents } from "@medusajs/framework/utils"
import {
  adoptCoreFulfillmentWorkflow,
  type AdoptCoreFulfillmentWorkflowInput,
} from "../workflows/shipments/workflows/adopt-core-fulfillment"

/**
 * Core's `order.fulfillment_created` ("Fulfill items" on Medusa's order
 * page): the fulfillment becomes a shipment unless one of our flows made it
 * (see `adoptCoreFulfillmentWorkflow`).
 */
export default async function shipmentAdoptCoreFulfillment({ event, container }: SubscriberArgs<AdoptCoreFulfillmentWorkflowInput>) {
  await adoptCoreFulfillmentWorkflow(container).run({
    input: {
      order_id: event.data.order_id,
      fulfillment_id: event.data.fulfillment_id,
      no_notification: event.data.no_notification,
    },
  })
}

export const config: SubscriberConfig = {
  event: OrderWorkflowEvents.FULFILLMENT_CREATED,
  context: { subscriberId: "order-ops-shipment-adopt-core-fulfillment" },
}
