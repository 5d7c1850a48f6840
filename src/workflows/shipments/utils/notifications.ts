import type { ShipmentStatusValue, ShippingPointValue } from "../../../modules/shipment/state-machine"
import type { PluginOptions } from "../../../options"

/** The customer-facing moments of a shipment, each with its own template. */
export type ShipmentNotificationKind =
  | "shipped"
  | "out_for_delivery"
  | "delivered"
  | "picked_up"
  | "delivery_failed"

/** Template id per moment: `order-ops-shipment-<kind>` with dashes. */
export const SHIPMENT_TEMPLATES: Record<ShipmentNotificationKind, string> = {
  shipped: "order-ops-shipment-shipped",
  out_for_delivery: "order-ops-shipment-out-for-delivery",
  delivered: "order-ops-shipment-delivered",
  picked_up: "order-ops-shipment-picked-up",
  delivery_failed: "order-ops-shipment-delivery-failed",
}

/**
 * Which notification a status change calls for, if any: in transit and
 * canceled are not announced; delivered at a pickup point is "picked up".
 */
export function shipmentNotificationKind(
  status: ShipmentStatusValue,
  point: ShippingPointValue
): ShipmentNotificationKind | null {
  switch (status) {
    case "shipped":
      return "shipped"
    case "out_for_delivery":
      return "out_for_delivery"
    case "delivery_failed":
      return "delivery_failed"
    case "delivered":
      return point === "pickup" ? "picked_up" : "delivered"
    default:
      return null
  }
}

/**
 * Whether customers are ever told of a move to this status, wherever the
 * shipment goes (in transit and canceled never are). Pure.
 */
export function isAnnouncedShipmentStatus(status: ShipmentStatusValue): boolean {
  return shipmentNotificationKind(status, "local") !== null || shipmentNotificationKind(status, "pickup") !== null
}

/** Whether to notify: the shipment's own switch and the store's option must both allow it. */
export function shouldNotify(
  kind: ShipmentNotificationKind | null,
  shipmentNotify: boolean,
  options: PluginOptions
): kind is ShipmentNotificationKind {
  return Boolean(kind && shipmentNotify && options.shipments.notify[kind])
}

/**
 * Whether a shipment in this status may announce new tracking details: only
 * once the customer was told it left (the "shipped" mail carries the first
 * tracking details) and while it is still on its way. Pure.
 */
export function trackingChangeNotifiable(status: ShipmentStatusValue): boolean {
  return status === "shipped" || status === "in_transit" || status === "out_for_delivery" || status === "delivery_failed"
}
