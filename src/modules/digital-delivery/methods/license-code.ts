import { z } from "@medusajs/framework/zod"
import { maskSecret } from "./shared"
import { settingText } from "./settings"
import type {
  AttemptResult,
  DeliveryContext,
  DeliveryInstructionsPart,
  DeliveryMethod,
  DeliveryRuntime,
  DeliverySettingsField,
  ExchangeSummary,
  LicenseCodeSettings,
} from "./types"

/**
 * License code delivery: codes taken from a pool, one per unit. Codes the
 * delivery already holds count, so repeating an attempt never takes more.
 */
export class LicenseCodeDeliveryMethod implements DeliveryMethod<LicenseCodeSettings> {
  readonly code = "license_code" as const
  readonly label = "License code"
  readonly remote = false
  readonly resendAfterUnknown = "resend_idempotent" as const
  readonly secretFields = [] as const
  readonly emailed = true
  readonly settingsSchema = z.object({ pool_id: settingText("pool_id", 100) }).strict()
  readonly settingsFields: readonly DeliverySettingsField[] = [
    { name: "pool_id", label: "License pool", type: "license_pool", required: true, secret: false, help: "One code per unit ordered comes from this pool." },
  ]

  async checkSettings(settings: LicenseCodeSettings, runtime: DeliveryRuntime): Promise<string | null> {
    return (await runtime.licensePoolExists(settings.pool_id))
      ? null
      : `settings.pool_id: license pool ${settings.pool_id} does not exist`
  }

  targets(): [] {
    return []
  }

  worstCaseMs(): number {
    return 30_000
  }

  async deliver(settings: LicenseCodeSettings, context: DeliveryContext, runtime: DeliveryRuntime): Promise<AttemptResult> {
    const { codes, missing } = await runtime.assignLicenseCodes(context.delivery_id, settings.pool_id, context.quantity)
    return missing
      ? {
          outcome: "retry",
          message: `License pool is empty: ${codes.length} of ${context.quantity} code(s) assigned; add codes to the pool`,
          response: { assigned: codes.map(maskSecret) },
        }
      : {
          outcome: "delivered",
          message: `${codes.length} license code${codes.length === 1 ? "" : "s"} assigned`,
          response: { codes: codes.map(maskSecret) },
        }
  }

  async revoke(_settings: LicenseCodeSettings, context: DeliveryContext, runtime: DeliveryRuntime): Promise<AttemptResult> {
    const n = await runtime.revokeLicenseCodes(context.delivery_id)
    return { outcome: "delivered", message: `${n} code(s) marked revoked` }
  }

  describe(settings: LicenseCodeSettings, context: DeliveryContext): ExchangeSummary {
    return { pool_id: settings.pool_id, codes: context.quantity }
  }

  async instructions(
    _settings: LicenseCodeSettings,
    context: DeliveryContext,
    runtime: DeliveryRuntime
  ): Promise<DeliveryInstructionsPart> {
    const codes = await runtime.assignedLicenseCodes(context.delivery_id)
    return { text: `${context.title}: your license code${codes.length === 1 ? " is" : "s are"} below; keep ${codes.length === 1 ? "it" : "them"} private.`, codes }
  }
}
