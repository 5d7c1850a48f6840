/** A `test_order` row: an order placed as a test order. */
export type TestOrderDTO = {
  id: string
  order_id: string
  /** The admin user who placed it; null for scripts (the demo seed). */
  placed_by: string | null
  customer_id: string | null
  /** True when the customer was generated for this order. */
  generated_customer: boolean
  payment_state: "paid" | "unpaid"
  cart_id: string | null
  created_at: Date | string
  updated_at: Date | string
}
