import type {
  OrderDeliveryStatusValue,
  OrderFulfillmentStatusValue,
  OrderPaymentStatusValue,
} from "../modules/order-status/statuses"

/** A row of the `order_status` read model, as the order status module returns it. */
export type OrderStatusDTO = {
  id: string
  order_id: string
  display_id: number
  email: string | null
  customer_id: string | null
  customer_name: string | null
  currency_code: string
  total: number
  fulfillment_status: OrderFulfillmentStatusValue
  payment_status: OrderPaymentStatusValue
  delivery_status: OrderDeliveryStatusValue
  is_test: boolean
  item_count: number
  shipment_count: number
  shipment_statuses: string[]
  order_created_at: Date | string
  canceled_at: Date | string | null
  computed_at: Date | string
  hold_reason?: string | null
  held_since?: Date | string | null
  order_label_id?: string | null
  order_label_name?: string | null
  order_label_color?: string | null
  dispute_status?: string | null
  dispute_due_at?: Date | string | null
  created_at: Date | string
  updated_at: Date | string
}

/**
 * What the refresh writes for one order. `is_test` is left alone when
 * omitted, so a recompute never clears a test flag set elsewhere.
 */
export type UpsertOrderStatusDTO = {
  order_id: string
  display_id: number
  email: string | null
  customer_id: string | null
  customer_name: string | null
  currency_code: string
  total: number
  fulfillment_status: OrderFulfillmentStatusValue
  payment_status: OrderPaymentStatusValue
  /** Left alone when omitted. */
  delivery_status?: OrderDeliveryStatusValue
  is_test?: boolean
  item_count: number
  shipment_count: number
  shipment_statuses: string[]
  order_created_at: Date
  canceled_at: Date | null
  computed_at: Date
  /** Order case columns; left alone when omitted (see `OrderCaseSummary`). */
  hold_reason?: string | null
  held_since?: Date | null
  order_label_id?: string | null
  order_label_name?: string | null
  order_label_color?: string | null
  dispute_status?: string | null
  dispute_due_at?: Date | null
  /** The order's shipping option type code (its first shipping method's); left alone when omitted. */
  shipping_option_type?: string | null
}
