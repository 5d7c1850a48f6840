import type {
  AttemptLogOutcome,
  DeliveryAttemptLogKind,
  DeliveryMethodCode,
  DeliveryStatus,
  LicenseCodeStatus,
} from "../../../modules/digital-delivery/methods/types"

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
  /** Fencing token: raised by every lease. */
  lease_token: number
  /** A revoke is owed (refund / cancel); set until it succeeds or a person closes it. */
  revoke_requested_at: Date | string | null
  /** A revoke is owed and will be tried again then (until it succeeds or a person closes it). */
  revoke_next_at: Date | string | null
  revoke_attempts: number
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

/** An attempt-log row (`DeliveryAttempt`): what was sent and received, secrets masked. */
export type DeliveryAttemptDTO = {
  id: string
  delivery_id: string
  kind: DeliveryAttemptLogKind
  attempt: number
  outcome: AttemptLogOutcome
  message: string
  request: unknown
  response: unknown
  duration_ms: number
  actor_id: string | null
  created_at: Date | string
}

/** A download link's right (`DownloadGrant`): which file, until when, how many downloads are left. */
export type DownloadGrantDTO = {
  id: string
  delivery_id: string
  order_id: string
  file_id: string
  filename: string | null
  expires_at: Date | string
  remaining_downloads: number
  max_downloads: number
  revoked_at: Date | string | null
}

/** A license pool row (`LicensePool`). */
export type LicensePoolDTO = {
  id: string
  name: string
  description: string | null
  low_stock_threshold: number
}

/** A license code row (`LicenseCode`). */
export type LicenseCodeDTO = {
  id: string
  pool_id: string
  code: string
  status: LicenseCodeStatus
  delivery_id: string | null
  assigned_at: Date | string | null
  revoked_at: Date | string | null
  created_at: Date | string
}
