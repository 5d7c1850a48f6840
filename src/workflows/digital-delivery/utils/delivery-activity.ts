import { OrderOpsEvents } from "../../../events"
import type { CreateOrderActivityDTO } from "../../../types"
import type { DeliveryDTO } from "./types"

/** The timeline entry for a delivery's new status. Pure. */
export function deliveryActivityEntry(delivery: DeliveryDTO, actorId: string | null, message: string | null): CreateOrderActivityDTO {
  return {
    order_id: delivery.order_id,
    kind: `delivery.${delivery.status}`,
    actor_type: actorId ? "user" : "system",
    actor_id: actorId,
    resource_type: "delivery",
    resource_id: delivery.id,
    data: {
      title: delivery.title,
      method: delivery.method,
      quantity: delivery.quantity,
      status: delivery.status,
      message,
      dry_run: delivery.is_dry_run,
      outcome_unknown: delivery.outcome_unknown,
    },
  }
}

/** The event for a delivery's new status, payload `{ id, order_id, status }`. Pure. */
export function deliveryEvent(delivery: DeliveryDTO): { eventName: string; data: { id: string; order_id: string; status: string } } {
  const eventName =
    delivery.status === "delivered"
      ? OrderOpsEvents.DELIVERY_DELIVERED
      : delivery.status === "failed"
        ? OrderOpsEvents.DELIVERY_FAILED
        : delivery.status === "revoked"
          ? OrderOpsEvents.DELIVERY_REVOKED
          : OrderOpsEvents.DELIVERY_UPDATED
  return { eventName, data: { id: delivery.id, order_id: delivery.order_id, status: delivery.status } }
}
