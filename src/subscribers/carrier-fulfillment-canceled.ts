import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { OrderWorkflowEvents } from "@medusajs/framework/utils"
import { SHIPMENT_MODULE } from "../modules/shipment"
import type ShipmentModuleService from "../modules/shipment/service"
import type { ShipmentDTO, ShippingLabelDTO } from "../types"
import { nextFollowUp } from "../workflows/labels/utils/ledger"
import { refreshOrderStatusWorkflow } from "../workflows/order-status/workflows/refresh-order-status"

/** Payload of core's `order.fulfillment_canceled`. */
type FulfillmentCanceledData = { order_id: string; fulfillment_id: string }

/**
 * A Medusa fulfillment bought through our carrier fulfillment provider was
 * canceled in core (the provider already voided the label at the carrier):
 * the ledger row becomes voided with its refund followed by the label
 * follow-up job, and our shipment is canceled — its status only, since
 * Medusa's fulfillment is canceled already.
 */
export default async function carrierFulfillmentCanceled({ event, container }: SubscriberArgs<FulfillmentCanceledData>) {
  const service = container.resolve<ShipmentModuleService>(SHIPMENT_MODULE)
  const labels = (await service.listShippingLabels({
    fulfillment_id: event.data.fulfillment_id,
    status: "purchased",
  })) as unknown as ShippingLabelDTO[]
  for (const label of labels.filter((l) => l.idempotency_key.startsWith("fulfillment:"))) {
    await service.updateShippingLabels({
      id: label.id,
      status: "voided",
      refund_status: "submitted",
      voided_at: new Date(),
      attempts: 0,
      next_check_at: nextFollowUp(0),
    })
    if (label.shipment_id) {
      const shipment = (await service.retrieveShipment(label.shipment_id)) as unknown as ShipmentDTO
      if (shipment.status !== "canceled" && shipment.status !== "delivered") {
        await service.recordShipmentEvent(
          { shipment_id: shipment.id, status: "canceled", source: "system", message: "Fulfillment canceled; label voided" },
          false
        )
      }
    }
  }
  if (labels.length) {
    await refreshOrderStatusWorkflow(container).run({ input: { order_ids: [event.data.order_id] } })
  }
}

export const config: SubscriberConfig = {
  event: OrderWorkflowEvents.FULFILLMENT_CANCELED,
  context: { subscriberId: "order-ops-carrier-fulfillment-canceled" },
}
