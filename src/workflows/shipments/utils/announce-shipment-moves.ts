import { transform, type WorkflowData } from "@medusajs/framework/workflows-sdk"
import { emitEventStep } from "@medusajs/medusa/core-flows"
import { OrderOpsEvents } from "../../../events"
import { enqueueOrderWebhooks } from "../../order-webhooks/workflows/enqueue-order-webhook-events"

/** One shipment's move, as `order_ops.shipment.status_changed` carries it. */
export type ShipmentMove = {
  id: string
  order_id: string
  status: string
  previous_status: string | null
  /** The shipment's customer notification switch when it moved. */
  notify_customer: boolean
}

/**
 * For a workflow's composition: shipments moved. Emits
 * `order_ops.shipment.status_changed` for each move (sent once the workflow
 * has succeeded) and puts each move's `shipment.status_changed` webhook event
 * in the outbox as a step of the same workflow: one payload for both.
 * `name` names the emit step, unique within the workflow.
 */
export function announceShipmentMoves(moves: WorkflowData<ShipmentMove[]>, name: string) {
  emitEventStep({ eventName: OrderOpsEvents.SHIPMENT_STATUS_CHANGED, data: moves }).config({ name })
  enqueueOrderWebhooks(transform({ moves }, ({ moves }) => moves.map((move) => ({
        source: "shipment.status_changed" as const,
        id: move.id,
        order_id: move.order_id,
        status: move.status,
        previous_status: move.previous_status,
      }))))
}
