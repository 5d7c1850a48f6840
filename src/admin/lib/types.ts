import type { OrderDeliveryStatusValue } from "../../modules/order-status/statuses"
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
  | "disputed"

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
  /** The carrier label the shipment was bought with; null (or absent, from an older server) for a manual one. */
  label?: AdminShippingLabel | null
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
  /** Every label bought (or attempted) for the order. */
  labels?: AdminShippingLabel[]
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
  order_status: AdminOrderStatusSummary & {
    /** When the row was last recomputed: the database clock as the computation began reading. */
    computed_at: string
  } & Record<string, unknown>
}

/** Sort orders the operations list accepts. */
export type OrderOpsSort = "-created_at" | "created_at" | "-total" | "total"

export type AdminOrderOpsListQuery = {
  fulfillment_status?: OrderFulfillmentStatus[]
  payment_status?: OrderPaymentStatus[]
  /** Digital delivery states of the order. */
  delivery_status?: OrderDeliveryStatusValue[]
  /** ISO date-times bounding `created_at`, inclusive. */
  created_at_gte?: string
  created_at_lte?: string
  q?: string
  /** Only test orders (true), only real ones (false), or both (absent). */
  is_test?: boolean
  on_hold?: boolean
  order_label_id?: string
  disputed?: boolean
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
  delivery_status: OrderDeliveryStatusValue
  is_test: boolean
  item_count: number
  shipment_count: number
  shipment_statuses: ShipmentStatus[]
  hold_reason?: string | null
  held_since?: string | null
  order_label?: { id: string; name: string; color: string | null } | null
  dispute_status?: string | null
  dispute_due_at?: string | null
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

/*
 * Carrier labels and parcel templates. These mirror src/types/label.ts and
 * src/modules/shipment/carriers/types.ts (the admin bundle is built on its own,
 * so it keeps its own copy of the shapes it reads, as above).
 */

export type CarrierCode = "sandbox" | "shippo" | "easypost"
export type LabelFormat = "PDF" | "PNG" | "ZPL"
export type DistanceUnit = "cm" | "in" | "mm" | "m" | "ft" | "yd"
export type MassUnit = "g" | "kg" | "oz" | "lb"
export type RefundStatus = "none" | "submitted" | "pending" | "refunded" | "rejected"
export type LabelStatus = "purchasing" | "purchased" | "unknown" | "failed" | "voided"
export type SignatureOption = "standard" | "adult"
export type CustomsContentsType = "merchandise" | "gift" | "documents" | "sample" | "return" | "other"

/** A postal address as carriers want it. */
export type CarrierAddress = {
  name: string
  company?: string | null
  street1: string
  street2?: string | null
  city: string
  state?: string | null
  postal_code: string
  /** ISO 3166-1 alpha-2, upper case. */
  country_code: string
  phone?: string | null
  email?: string | null
}

export type Parcel = {
  length: number
  width: number
  height: number
  distance_unit: DistanceUnit
  weight: number
  mass_unit: MassUnit
}

export type AdminParcelTemplate = Parcel & {
  id: string
  name: string
  is_default: boolean
  created_at: string
  updated_at: string
}

export type AdminCarrierInfo = {
  code: CarrierCode
  name: string
  /** Live carriers buy real labels; the sandbox never does. */
  live: boolean
  pushes_tracking: boolean
}

/** One quote, tagged with the carrier that gave it. Amounts in major units. */
export type AdminRate = {
  carrier: CarrierCode
  rate_id: string
  provider_shipment_id: string
  carrier_name: string
  service: string
  service_code: string
  amount: number
  currency_code: string
  estimated_days: number | null
  estimated_delivery_at: string | null
}

export type AdminShippingLabel = {
  id: string
  order_id: string
  shipment_id: string | null
  fulfillment_id: string | null
  carrier: CarrierCode
  carrier_name: string | null
  service: string | null
  service_code: string | null
  rate_id: string
  tracking_number: string | null
  tracking_url: string | null
  label_url: string | null
  file_id: string | null
  file_url: string | null
  label_format: LabelFormat
  /** Cost in major units. */
  amount: number | null
  currency_code: string | null
  status: LabelStatus
  refund_status: RefundStatus
  is_test: boolean
  error: string | null
  purchased_at: string | null
  voided_at: string | null
  refund_checked_at: string | null
  created_at: string
  updated_at: string
}

export type AdminLabelDefaults = {
  from: CarrierAddress | null
  to: CarrierAddress | null
  location_id: string | null
  international: boolean
  currency_code: string
  is_test: boolean
  carriers: AdminCarrierInfo[]
  parcel_templates: AdminParcelTemplate[]
  label_formats: LabelFormat[]
}

/** What to quote: items, packages, addresses and options. */
export type AdminRatesBody = {
  /** Every available carrier when omitted. */
  carrier?: CarrierCode
  items: { line_item_id: string; quantity: number }[]
  parcel_template_id?: string
  parcels?: Parcel[]
  from?: CarrierAddress
  to?: CarrierAddress
  location_id?: string
  /** Drop-off day, `YYYY-MM-DD`. */
  shipment_date?: string
  insurance_amount?: number
  declared_value?: number
  customs?: {
    contents_type: CustomsContentsType
    items: { line_item_id: string; hs_code: string | null; origin_country: string | null }[]
  }
  dangerous_goods?: boolean
  signature?: SignatureOption | null
}

export type AdminRatesResponse = {
  rates: AdminRate[]
  errors: { carrier: CarrierCode; message: string }[]
}

export type AdminBuyLabelBody = Omit<AdminRatesBody, "carrier"> & {
  carrier: CarrierCode
  rate: AdminRate
  label_format?: LabelFormat
  /** One per purchase attempt: a retried or double-clicked request buys once. */
  idempotency_key?: string
}

export type AdminLabelResponse = { label: AdminShippingLabel }
export type AdminBuyLabelResponse = { label: AdminShippingLabel; shipment: AdminShipment }
export type AdminVoidLabelResponse = { label: AdminShippingLabel; shipment: AdminShipment }
export type AdminOrderLabelsResponse = { labels: AdminShippingLabel[] }

export type AdminParcelTemplatesResponse = { parcel_templates: AdminParcelTemplate[]; count: number }
export type AdminParcelTemplateResponse = { parcel_template: AdminParcelTemplate }
export type AdminParcelTemplateBody = Parcel & { name: string; is_default?: boolean }
export type AdminDeleteParcelTemplateResponse = { id: string; object: "parcel_template"; deleted: true }
