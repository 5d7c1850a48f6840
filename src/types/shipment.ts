import type { ShipmentStatusValue, ShippingPointValue } from "../modules/shipment/state-machine"

/** An item in a shipment (a snapshot for display). */
export type ShipmentItem = {
  line_item_id: string
  title: string
  quantity: number
}

/** A shipment as the shipment module returns it. */
export type ShipmentDTO = {
  id: string
  order_id: string
  fulfillment_id: string | null
  shipping_point: ShippingPointValue
  source: "manual" | "carrier"
  status: ShipmentStatusValue
  carrier: string | null
  tracking_number: string | null
  tracking_url: string | null
  estimated_delivery_at: Date | string | null
  notify_customer: boolean
  items: ShipmentItem[] | null
  shipped_at: Date | string | null
  delivered_at: Date | string | null
  canceled_at: Date | string | null
  last_event_at: Date | string | null
  metadata: Record<string, unknown> | null
  created_at: Date | string
  updated_at: Date | string
  events?: ShipmentEventDTO[]
}

/** A tracking event. */
export type ShipmentEventDTO = {
  id: string
  shipment_id: string
  status: ShipmentStatusValue
  occurred_at: Date | string
  source: "manual" | "carrier" | "system"
  provider_event_id: string | null
  message: string | null
  location: string | null
  applied: boolean
  actor_id: string | null
  data: Record<string, unknown> | null
  created_at: Date | string
}
