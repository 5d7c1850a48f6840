import type * as Server from "../../types"
import type { Jsonified } from "../../types/http/jsonified"
import type { z } from "@medusajs/framework/zod"
import type {
  AdminCompleteDigitalOrder,
  AdminCreateDeliveryProduct,
  AdminMarkDelivered,
  AdminUpdateLicensePool,
} from "../../api/admin/delivery-products/validators"
import type { StatusLook } from "./status"

/**
 * Types and display tables for digital delivery (Seed 003). The types are
 * the server's own (`src/types/http`), as they arrive over JSON (dates as
 * strings); request bodies are the route validators' input. The methods
 * themselves — their names, settings fields and secrets — come from the
 * server (`GET /admin/delivery-methods`), never from a list kept here.
 */

export type AdminDeliveryMethodDTO = Server.AdminDeliveryMethodDTO
export type DeliverySettingsField = Server.DeliverySettingsField
export type DeliveryStatus = Server.DeliveryStatus
export type AdminDeliveryMethodsResponse = Server.AdminDeliveryMethodsResponse
export type DeliveryMethod = Server.DeliveryMethodCode
export type AttemptKind = Server.DeliveryAttemptLogKind
export type AttemptOutcome = Server.AttemptLogOutcome
export type LicenseCodeStatus = Server.LicenseCodeStatus

export type AdminDeliveryAttempt = Jsonified<Server.AdminDeliveryAttempt>
export type AdminDeliveryDownload = Jsonified<Server.AdminDeliveryDownload>
export type AdminDelivery = Jsonified<Server.AdminDelivery>
export type AdminOrderDeliveriesResponse = Jsonified<Server.AdminOrderDeliveriesResponse>
export type AdminDeliveryResponse = Jsonified<Server.AdminDeliveryResponse>
export type AdminCompleteDigitalOrderResponse = Server.AdminCompleteDigitalOrderResponse
export type AdminResendDeliveryResponse = Server.AdminResendDeliveryResponse
/** `POST /admin/deliveries/:id/mark-delivered` */
export type AdminMarkDeliveredBody = z.input<typeof AdminMarkDelivered>
/** `POST /admin/orders/:id/deliveries/complete` */
export type AdminCompleteDigitalOrderBody = z.input<typeof AdminCompleteDigitalOrder>

export type AdminDeliveryProduct = Jsonified<Server.AdminDeliveryProduct>
export type AdminDeliveryProductResponse = Jsonified<Server.AdminDeliveryProductResponse>
export type AdminDeliveryProductsResponse = Jsonified<Server.AdminDeliveryProductsResponse>
/** Create or update: every field optional (the create route requires variant and method). */
export type AdminDeliveryProductBody = Partial<z.input<typeof AdminCreateDeliveryProduct>>

export type LicenseCounts = Server.LicenseCounts
export type AdminLicensePool = Jsonified<Server.AdminLicensePool>
export type AdminLicensePoolsResponse = Jsonified<Server.AdminLicensePoolsResponse>
export type AdminLicensePoolResponse = Jsonified<Server.AdminLicensePoolResponse>
/** Create or update: every field optional (the create route requires the name). */
export type AdminLicensePoolBody = z.input<typeof AdminUpdateLicensePool>
export type AdminLicenseCode = Jsonified<Server.AdminLicenseCode>
export type AdminLicenseCodesResponse = Jsonified<Server.AdminLicenseCodesResponse>
export type AdminImportLicenseCodesResponse = Server.AdminImportLicenseCodesResponse

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
