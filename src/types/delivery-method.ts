import type { DeliveryMethodCode, DeliverySettingsField, ResendAfterUnknown } from "../modules/digital-delivery/methods/types"

export type {
  AttemptLogOutcome,
  DeliveryAttemptLogKind,
  DeliveryMethodCode,
  DeliverySettingsField,
  DeliverySettingsFieldType,
  DeliveryStatus,
  LicenseCodeStatus,
  ResendAfterUnknown,
} from "../modules/digital-delivery/methods/types"

/** One delivery method as `GET /admin/delivery-methods` lists it (the settings drawer renders from it). */
export type AdminDeliveryMethodDTO = {
  code: DeliveryMethodCode
  label: string
  /** Talks to an outside service (webhook, RCON, Discord). */
  remote: boolean
  /** The instructions email covers items delivered this way (download links, license codes). */
  emailed: boolean
  /** What happens to an attempt cut off mid-send. */
  resend_after_unknown: ResendAfterUnknown
  settings_fields: DeliverySettingsField[]
  /** JSON Schema of the settings (from the method's zod schema). */
  settings_schema: Record<string, unknown>
}

export type AdminDeliveryMethodsResponse = { delivery_methods: AdminDeliveryMethodDTO[]; count: number }
