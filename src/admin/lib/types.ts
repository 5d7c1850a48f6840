/** Shapes of the plugin's admin API responses, as the widgets read them. */
export type AdminOrderNoteRevision = {
  id: string
  body: string
  visible_to_customer: boolean
  edited_by: string | null
  created_at: string
}

export type AdminOrderNote = {
  id: string
  order_id: string
  body: string
  visible_to_customer: boolean
  author_id: string | null
  author: { id: string; email: string; first_name: string | null; last_name: string | null } | null
  created_at: string
  updated_at: string
  revisions: AdminOrderNoteRevision[]
}

export type AdminOrderNotesResponse = {
  notes: AdminOrderNote[]
  count: number
  offset: number
  limit: number
}

export type AdminTimelineEntry = {
  id: string
  kind: string
  source: "core" | "order_ops"
  occurred_at: string
  actor: { type: "user" | "customer" | "system"; id: string | null; display?: string | null }
  resource: { type: string; id: string } | null
  data: Record<string, unknown>
}

export type AdminOrderTimelineResponse = {
  timeline: AdminTimelineEntry[]
  count: number
  offset: number
  limit: number
}

/** Extended fulfillment status of an order, as the order-status read model stores it. */
export type OrderFulfillmentStatus =
  | "unfulfilled"
  | "dispatched"
  | "partially_fulfilled"
  | "fulfilled"
  | "delivered"
  | "picked_up"
  | "partially_returned"
  | "returned"
  | "canceled"

/** Payment status of an order, as the order-status read model stores it. */
export type OrderPaymentStatus =
  | "unpaid"
  | "in_progress"
  | "partially_paid"
  | "paid"
  | "partially_refunded"
  | "refunded"

export type ShipmentStatus =
  | "awaiting_shipment"
  | "shipped"
  | "in_transit"
  | "out_for_delivery"
  | "delivered"
  | "delivery_failed"
  | "canceled"

export type ShippingPoint = "local" | "international" | "pickup"

export type AdminOrderStatusSummary = {
  fulfillment_status: OrderFulfillmentStatus
  payment_status: OrderPaymentStatus
}

export type AdminShipmentEvent = {
  id: string
  status: ShipmentStatus
  occurred_at: string
  source: "manual" | "carrier" | "system"
  message: string | null
  location: string | null
  /** False for a late or duplicate event that did not move the shipment. */
  applied: boolean
}

export type AdminShipment = {
  id: string
  order_id: string
  fulfillment_id: string | null
  shipping_point: ShippingPoint
  source: "manual" | "carrier"
  status: ShipmentStatus
  status_label: string
  carrier: string | null
  carrier_name: string | null
  tracking_number: string | null
  tracking_url: string | null
  estimated_delivery_at: string | null
  notify_customer: boolean
  items: { line_item_id: string; title: string; quantity: number }[]
  shipped_at: string | null
  delivered_at: string | null
  canceled_at: string | null
  created_at: string
  /** The statuses the server allows next; the UI offers exactly these. */
  allowed_transitions: ShipmentStatus[]
  /** Newest first. */
  events: AdminShipmentEvent[]
}

export type AdminFulfillableItem = {
  line_item_id: string
  title: string
  variant_title: string | null
  sku: string | null
  thumbnail: string | null
  quantity: number
  fulfillable_quantity: number
}

export type AdminCarrier = { code: string; name: string }

export type AdminOrderShipmentsResponse = {
  shipments: AdminShipment[]
  order_status: AdminOrderStatusSummary | null
  fulfillable_items: AdminFulfillableItem[]
  carriers: AdminCarrier[]
}

export type AdminCreateShipmentBody = {
  items: { line_item_id: string; quantity: number }[]
  shipping_point: ShippingPoint
  carrier?: string
  tracking_number?: string
  tracking_url?: string
  estimated_delivery_at?: string
  notify_customer?: boolean
  mark_shipped?: boolean
}

/** Only the fields that change; null clears one. */
export type AdminUpdateShipmentBody = {
  carrier?: string | null
  tracking_number?: string | null
  tracking_url?: string | null
  estimated_delivery_at?: string | null
  notify_customer?: boolean
  status?: ShipmentStatus
}

export type AdminShipmentEventBody = {
  status: ShipmentStatus
  occurred_at?: string
  message?: string
  location?: string
}

export type AdminShipmentResponse = { shipment: AdminShipment }

export type AdminOrderStatusResponse = {
  order_status: AdminOrderStatusSummary & Record<string, unknown>
}

/** Sort orders the operations list accepts. */
export type OrderOpsSort = "-created_at" | "created_at" | "-total" | "total"

export type AdminOrderOpsListQuery = {
  fulfillment_status?: OrderFulfillmentStatus[]
  payment_status?: OrderPaymentStatus[]
  /** ISO date-times bounding `created_at`, inclusive. */
  created_at_gte?: string
  created_at_lte?: string
  q?: string
  /** Only test orders (true), only real ones (false), or both (absent). */
  is_test?: boolean
  order?: OrderOpsSort
  limit?: number
  offset?: number
}

export type AdminOrderOpsRow = {
  id: string
  display_id: number
  created_at: string
  email: string | null
  customer_name: string | null
  total: number
  currency_code: string
  fulfillment_status: OrderFulfillmentStatus
  payment_status: OrderPaymentStatus
  is_test: boolean
  item_count: number
  shipment_count: number
  shipment_statuses: ShipmentStatus[]
}

export type AdminOrderOpsListResponse = {
  orders: AdminOrderOpsRow[]
  count: number
  limit: number
  offset: number
}

/** Whether a test order was placed as paid (payment captured) or left unpaid. */
export type TestOrderPaymentState = "paid" | "unpaid"

/** The record that flags an order as a test order. */
export type AdminTestOrder = {
  id: string
  order_id: string
  display_id: number
  payment_state: TestOrderPaymentState
  customer_id: string | null
  /** True when the server made up a test customer for this order. */
  generated_customer: boolean
}

/** Everything is optional: the server picks stock, region, customer and shipping. */
export type AdminPlaceTestOrderBody = {
  items?: { variant_id: string; quantity: number }[]
  region_id?: string
  customer_id?: string
  email?: string
  shipping_option_id?: string
  payment?: TestOrderPaymentState
}

export type AdminPlaceTestOrderResponse = {
  test_order: AdminTestOrder
  order: { id: string; display_id: number }
}

export type AdminTestOrdersResponse = {
  test_orders: AdminTestOrder[]
  count: number
  limit: number
  offset: number
}

export type AdminOrderTestOrderResponse = { test_order: AdminTestOrder | null }

export type AdminDeleteTestOrderResponse = { id: string; object: "test_order"; deleted: true }

export type AdminPurgeTestOrdersResponse = { deleted: number; order_ids: string[] }
