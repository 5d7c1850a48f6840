import type { OrderStatusDTO } from "../order-status"
import type { ShipmentDTO, ShipmentEventDTO, ShipmentItem } from "../shipment"
import type { ShippingLabelDTO } from "../label"

/** A shipment's event in admin responses (`SHIPMENT_FIELDS`), with the status's name. */
export type AdminShipmentEvent = ShipmentEventDTO & { status_label: string }

/** A shipment as the admin API shows it (`serializeShipment`, `listShipments`). */
export type AdminShipment = Omit<ShipmentDTO, "items" | "events"> & {
  status_label: string
  carrier_name: string | null
  items: ShipmentItem[]
  /** The statuses the server allows next; the UI offers exactly these. */
  allowed_transitions: ReadonlyArray<ShipmentDTO["status"]>
  /** Newest first. */
  events: AdminShipmentEvent[]
  /** The carrier label the shipment was bought with; null for a manual one. */
  label?: ShippingLabelDTO | null
}

/** An order line and how much of it is left to fulfil. */
export type AdminFulfillableItem = {
  line_item_id: string
  title: string
  variant_title: string | null
  sku: string | null
  thumbnail: string | null
  quantity: number
  fulfillable_quantity: number
}

/** A carrier whose tracking links are built from the number alone. */
export type AdminCarrier = { code: string; name: string }

/** `GET /admin/orders/:id/shipments` */
export type AdminOrderShipmentsResponse = {
  shipments: AdminShipment[]
  /** Every label bought (or attempted) for the order, newest first. */
  labels: ShippingLabelDTO[]
  order_status: OrderStatusDTO | null
  fulfillable_items: AdminFulfillableItem[]
  carriers: AdminCarrier[]
}

/** One shipment: `GET|POST /admin/shipments/:id`, `POST /admin/orders/:id/shipments`, its events and moves. */
export type AdminShipmentResponse = { shipment: AdminShipment }

/** `POST /admin/shipments/:id/events`: the event recorded and whether it moved the shipment. */
export type AdminShipmentEventResponse = {
  shipment: AdminShipment
  event: ShipmentEventDTO
  applied: boolean
  /** Why a recorded event did not move the shipment (late, duplicate…). */
  reason: string | null
}

/** `GET|POST /admin/orders/:id/status` */
export type AdminOrderStatusResponse = { order_status: OrderStatusDTO }
