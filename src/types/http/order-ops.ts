import type { OrderStatusDTO } from "../order-status"

/** One row of the Order operations list. */
export type AdminOrderOpsOrderRow = {
  /** The order id. */
  id: string
  display_id: number
  /** When the order was placed. */
  created_at: Date | string
  email: string | null
  customer_name: string | null
  total: number
  currency_code: string
  fulfillment_status: OrderStatusDTO["fulfillment_status"]
  payment_status: OrderStatusDTO["payment_status"]
  delivery_status: OrderStatusDTO["delivery_status"]
  is_test: boolean
  item_count: number
  shipment_count: number
  shipment_statuses: string[]
  /** Order case: the active hold's reason (null when not held) and since when. */
  hold_reason: string | null
  held_since: Date | string | null
  /** The merchant's label on the order. */
  order_label: { id: string; name: string; color: string | null } | null
  /** The most pressing dispute's status, and the nearest evidence due date of the open ones. */
  dispute_status: string | null
  dispute_due_at: Date | string | null
}

/** `GET /admin/order-ops/orders` */
export type AdminOrderOpsListResponse = {
  orders: AdminOrderOpsOrderRow[]
  count: number
  limit: number
  offset: number
}
