import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { FulfillmentWorkflowEvents, OrderWorkflowEvents } from "@medusajs/framework/utils"
import type { CoreFulfillmentAction } from "../workflows/shipments/utils/core-fulfillment"
import { applyCoreFulfillmentEventWorkflow } from "../workflows/shipments/workflows/apply-core-fulfillment-event"

/** Which core event stands for which action. */
const ACTIONS: Record<string, CoreFulfillmentAction> = {
  [FulfillmentWorkflowEvents.SHIPMENT_CREATED]: "shipped",
  [FulfillmentWorkflowEvents.DELIVERY_CREATED]: "delivered",
  [OrderWorkflowEvents.FULFILLMENT_CANCELED]: "canceled",
}

/**
 * Medusa's own "Mark as shipped" (`shipment.created`, `{ id }` of the
 * fulfillment), "Mark as delivered" (`delivery.created`, `{ id }`) and
 * "Cancel" (`order.fulfillment_canceled`, `{ fulfillment_id }`) move the
 * fulfillment's shipment (see `applyCoreFulfillmentEventWorkflow`).
 */
export default async function shipmentOnCoreFulfillmentEvents({
  event,
  container,
}: SubscriberArgs<{ id?: string; fulfillment_id?: string }>) {
  const action = ACTIONS[event.name]
  const fulfillmentId = event.data.fulfillment_id ?? event.data.id
  if (!action || !fulfillmentId) {
    return
  }
  await applyCoreFulfillmentEventWorkflow(container).run({
    input: { fulfillment_id: fulfillmentId, action },
  })
}

export const config: SubscriberConfig = {
  event: Object.keys(ACTIONS),
  context: { subscriberId: "order-ops-shipment-on-core-fulfillment-events" },
}
