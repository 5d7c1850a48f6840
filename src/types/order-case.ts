/** A hold on an order, as the admin API returns it. */
export type AdminOrderHold = {
  id: string
  order_id: string
  reason: "awaiting_payment" | "high_risk" | "incorrect_address" | "out_of_stock" | "other"
  note: string | null
  placed_by: string | null
  placed_at: string
  released_at: string | null
  released_by: string | null
  release_note: string | null
}

/** A merchant order label definition. */
export type AdminOrderLabelDefinition = {
  id: string
  name: string
  color: "grey" | "blue" | "green" | "orange" | "red" | "purple"
  customer_visible: boolean
  created_at: string
  updated_at: string
}

/** A dispute on one of the order's payments. */
export type AdminDispute = {
  id: string
  order_id: string
  payment_id: string | null
  amount: number
  currency_code: string
  reason: string
  status: "needs_response" | "under_review" | "won" | "lost" | "accepted"
  opened_at: string
  evidence_due_by: string | null
  closed_at: string | null
  gateway: string | null
  gateway_dispute_id: string | null
  notes: string | null
  created_at: string
}

/** `GET /admin/orders/:id/case` */
export type AdminOrderCase = {
  hold: AdminOrderHold | null
  holds: AdminOrderHold[]
  label: {
    id: string
    name: string
    color: AdminOrderLabelDefinition["color"]
    customer_visible: boolean
    reference: string | null
    set_at: string
    set_by: string | null
  } | null
  disputes: AdminDispute[]
}
