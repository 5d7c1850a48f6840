import { ShipmentStatus, type ShipmentStatusValue } from "../state-machine"

/**
 * Carrier statuses mapped onto our shipment states. Pure functions; a null
 * result means "no equivalent, record the event but do not move the shipment".
 */

/** Shippo `tracking_status.status` values. */
export type ShippoTrackingStatus = "UNKNOWN" | "PRE_TRANSIT" | "TRANSIT" | "DELIVERED" | "RETURNED" | "FAILURE"

/**
 * Maps a Shippo tracking status (and its optional `substatus.code`) to ours.
 *
 * PRE_TRANSIT means the label exists but the carrier has not scanned the
 * parcel: that is still "awaiting shipment". Shippo's substatus list refines
 * TRANSIT: `out_for_delivery` and `pickup_available` (held at a pickup point,
 * treated like EasyPost's `available_for_pickup`, see below) both become
 * out_for_delivery. Unknown statuses map to null rather than failing.
 */
export function mapShippoStatus(status: string | null | undefined, substatus?: string | null): ShipmentStatusValue | null {
  switch (status) {
    case "PRE_TRANSIT":
      return ShipmentStatus.AWAITING_SHIPMENT
    case "TRANSIT":
      if (substatus === "out_for_delivery" || substatus === "pickup_available") {
        return ShipmentStatus.OUT_FOR_DELIVERY
      }
      return ShipmentStatus.IN_TRANSIT
    case "DELIVERED":
      return ShipmentStatus.DELIVERED
    case "RETURNED":
    case "FAILURE":
      return ShipmentStatus.DELIVERY_FAILED
    default:
      return null
  }
}

/** EasyPost tracker `status` values. */
export type EasyPostTrackingStatus =
  | "unknown"
  | "pre_transit"
  | "in_transit"
  | "out_for_delivery"
  | "delivered"
  | "available_for_pickup"
  | "return_to_sender"
  | "failure"
  | "cancelled"
  | "error"

/**
 * Maps an EasyPost tracker status to ours.
 *
 * - `available_for_pickup` → out_for_delivery: the parcel has reached the
 *   last leg and only the customer's action remains; it is not delivered
 *   (nobody has it yet) and not failed. Same customer message as "out for
 *   delivery" ("your parcel is nearly there").
 * - `cancelled` → canceled: the carrier voided the shipment.
 * - `error` → null: EasyPost uses it when the *tracker* failed (e.g. the
 *   carrier's tracking API answered garbage), which says nothing about the
 *   parcel. Treating it as delivery_failed would tell customers their parcel
 *   failed when only our view of it did.
 * - `unknown` → null.
 */
export function mapEasyPostStatus(status: string | null | undefined): ShipmentStatusValue | null {
  switch (status) {
    case "pre_transit":
      return ShipmentStatus.AWAITING_SHIPMENT
    case "in_transit":
      return ShipmentStatus.IN_TRANSIT
    case "out_for_delivery":
    case "available_for_pickup":
      return ShipmentStatus.OUT_FOR_DELIVERY
    case "delivered":
      return ShipmentStatus.DELIVERED
    case "return_to_sender":
    case "failure":
      return ShipmentStatus.DELIVERY_FAILED
    case "cancelled":
      return ShipmentStatus.CANCELED
    default:
      return null
  }
}

/** The sandbox carrier's statuses (its simulated journey). */
export type SandboxTrackingStatus = "accepted" | "in_transit" | "out_for_delivery" | "delivered"

/** Maps a sandbox status to ours: `accepted` is the first scan (shipped). */
export function mapSandboxStatus(status: string | null | undefined): ShipmentStatusValue | null {
  switch (status) {
    case "accepted":
      return ShipmentStatus.SHIPPED
    case "in_transit":
      return ShipmentStatus.IN_TRANSIT
    case "out_for_delivery":
      return ShipmentStatus.OUT_FOR_DELIVERY
    case "delivered":
      return ShipmentStatus.DELIVERED
    default:
      return null
  }
}
