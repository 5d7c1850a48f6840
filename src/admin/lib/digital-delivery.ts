import type {
  AdminDeliveryMethodDTO,
  AttemptLogOutcome,
  DeliveryMethodCode,
  DeliverySettingsField,
  DeliveryStatus,
} from "../../types/delivery-method"
import type { z } from "@medusajs/framework/zod"
import type { AdminCreateDeliveryProduct } from "../../api/admin/delivery-products/validators"
import type { StatusLook } from "./status"

/**
 * Types and display tables for digital delivery (Seed 003), as the admin API
 * returns them. The methods themselves — their names, settings fields and
 * secrets — come from the server (`GET /admin/delivery-methods`), never
 * from a list kept here.
 */

export type { AdminDeliveryMethodDTO, DeliverySettingsField, DeliveryStatus }
export type { AdminDeliveryMethodsResponse } from "../../types/delivery-method"
export type DeliveryMethod = DeliveryMethodCode
export type AttemptKind = "deliver" | "revoke" | "manual" | "resend"
export type AttemptOutcome = AttemptLogOutcome
export type LicenseCodeStatus = "available" | "assigned" | "revoked"

export type AdminDeliveryAttempt = {
  id: string
  kind: AttemptKind
  attempt: number
  outcome: AttemptOutcome
  message: string | null
  request: unknown
  response: unknown
  duration_ms: number | null
  actor_id: string | null
  created_at: string
}

export type AdminDeliveryDownload = {
  id: string
  filename: string
  expires_at: string
  remaining_downloads: number
  max_downloads: number
  revoked_at: string | null
}

export type AdminDelivery = {
  id: string
  /** The order line it delivers; its variant title tells e.g. EPUB from PDF. */
  line_item_id?: string
  title: string
  method: DeliveryMethod
  quantity: number
  status: DeliveryStatus
  status_label: string
  attempts: number
  next_attempt_at: string | null
  last_error: string | null
  outcome_unknown: boolean
  /** A revoke is owed and will be tried again then (until it succeeds or a person closes it). */
  revoke_next_at?: string | null
  is_dry_run: boolean
  delivered_at: string | null
  revoked_at: string | null
  redemption_code: string | null
  notes: string | null
  delivered_by: string | null
  attempts_log: AdminDeliveryAttempt[]
  codes: { code: string; status: LicenseCodeStatus; assigned_at: string | null }[]
  downloads: AdminDeliveryDownload[]
}

export type AdminOrderDeliveriesResponse = { deliveries: AdminDelivery[]; order_status: string; auto_complete: boolean }
export type AdminDeliveryResponse = { delivery: AdminDelivery }
export type AdminCompleteDigitalOrderResponse = { order_id: string; completed: boolean }
export type AdminResendDeliveryResponse = { sent: boolean; reason: string | null; downloads: number; codes: number }

export type { AdminDeliveryProduct, AdminDeliveryProductResponse, AdminDeliveryProductsResponse } from "../../types"
/** Create or update: every field optional (the create route requires variant and method). */
export type AdminDeliveryProductBody = Partial<z.input<typeof AdminCreateDeliveryProduct>>

export type LicenseCounts = { available: number; assigned: number; revoked: number }
export type AdminLicensePool = {
  id: string
  name: string
  description: string | null
  low_stock_threshold: number
  counts: LicenseCounts
}
export type AdminLicensePoolsResponse = { license_pools: AdminLicensePool[]; count: number }
export type AdminLicensePoolResponse = { license_pool: AdminLicensePool }
export type AdminLicensePoolBody = { name?: string; description?: string | null; low_stock_threshold?: number }
export type AdminLicenseCode = {
  id: string
  code: string
  status: LicenseCodeStatus
  assigned_at: string | null
  delivery_id: string | null
  created_at: string
}
export type AdminLicenseCodesResponse = { codes: AdminLicenseCode[]; count: number; limit: number; offset: number }
export type AdminImportLicenseCodesResponse = { imported: number; skipped: number; counts: LicenseCounts }

export const DELIVERY_STATUS: Record<DeliveryStatus, StatusLook> = {
  pending: { label: "Pending", color: "orange" },
  awaiting_recipient: { label: "Awaiting recipient", color: "blue" },
  delivered: { label: "Delivered", color: "green" },
  failed: { label: "Failed", color: "red" },
  revoked: { label: "Revoked", color: "grey" },
}

export const ATTEMPT_OUTCOME: Record<AttemptOutcome, StatusLook> = {
  delivered: { label: "Delivered", color: "green" },
  retry: { label: "Will retry", color: "orange" },
  awaiting_recipient: { label: "Awaiting recipient", color: "blue" },
  failed: { label: "Failed", color: "red" },
  unknown: { label: "Outcome unknown", color: "orange" },
  dry_run: { label: "Dry run", color: "purple" },
  sending: { label: "Sending", color: "blue" },
  interrupted: { label: "Interrupted", color: "orange" },
  superseded: { label: "Superseded", color: "grey" },
}

export const ATTEMPT_KIND: Record<AttemptKind, string> = {
  deliver: "Delivery",
  revoke: "Revoke",
  manual: "Marked by hand",
  resend: "Instructions resent",
}

export const LICENSE_CODE_STATUS: Record<LicenseCodeStatus, StatusLook> = {
  available: { label: "Available", color: "green" },
  assigned: { label: "Assigned", color: "blue" },
  revoked: { label: "Revoked", color: "grey" },
}

const humanize = (value: string) => {
  const words = value.replace(/_/g, " ")
  return words.charAt(0).toUpperCase() + words.slice(1)
}

/** A status, outcome or method the server knows before this admin build does still reads well. */
export const deliveryStatusLook = (value: string): StatusLook =>
  (DELIVERY_STATUS as Record<string, StatusLook>)[value] ?? { label: humanize(value), color: "grey" }
export const attemptOutcomeLook = (value: string): StatusLook =>
  (ATTEMPT_OUTCOME as Record<string, StatusLook>)[value] ?? { label: humanize(value), color: "grey" }
/** A method's name as the server's registry gives it (`useDeliveryMethods`), else the code made readable. */
export const deliveryMethodLabel = (value: string, methods?: readonly { code: string; label: string }[]): string =>
  methods?.find((m) => m.code === value)?.label ?? humanize(value)
export const licenseCodeStatusLook = (value: string): StatusLook =>
  (LICENSE_CODE_STATUS as Record<string, StatusLook>)[value] ?? { label: humanize(value), color: "grey" }

/** Statuses from which "Retry now" may run; the server decides in the end. */
export const RETRYABLE: DeliveryStatus[] = ["pending", "awaiting_recipient", "failed"]
/** Statuses that a sweep will still move on its own: the widget polls while any is shown. */
export const IN_FLIGHT: DeliveryStatus[] = ["pending", "awaiting_recipient"]

/** A secret the API masked (`••••`, `whsec_••••…`); sending it back keeps the stored value. */
export const isMasked = (value: unknown) => typeof value === "string" && /^(whsec_)?••••/.test(value)

/** A Standard Webhooks secret: `whsec_` + base64 of 24 random bytes. */
export function generateWebhookSecret(): string {
  const bytes = new Uint8Array(24)
  crypto.getRandomValues(bytes)
  return `whsec_${btoa(String.fromCharCode(...bytes))}`
}

/** Secret generators a settings field may ask for (`DeliverySettingsField.generate`). */
export const SECRET_GENERATORS: Record<NonNullable<DeliverySettingsField["generate"]>, () => string> = {
  standard_webhooks_secret: generateWebhookSecret,
}
