import type { DeliveryMethodCode, DeliveryStatus } from "../../../modules/digital-delivery/methods/types"

/** A delivery row as the module returns it. */
export type DeliveryDTO = {
  id: string
  order_id: string
  line_item_id: string
  variant_id: string | null
  delivery_product_id: string | null
  method: DeliveryMethodCode
  title: string
  quantity: number
  status: DeliveryStatus
  attempts: number
  next_attempt_at: Date | string | null
  locked_until: Date | string | null
  last_error: string | null
  outcome_unknown: boolean
  is_dry_run: boolean
  idempotency_key: string
  delivered_at: Date | string | null
  revoked_at: Date | string | null
  redemption_code: string | null
  notes: string | null
  delivered_by: string | null
  data: Record<string, unknown> | null
  created_at: Date | string
  updated_at: Date | string
}

/** A delivery product row. */
export type DeliveryProductDTO = {
  id: string
  variant_id: string
  product_id: string | null
  title: string | null
  method: DeliveryMethodCode
  settings: Record<string, unknown>
  enabled: boolean
}
