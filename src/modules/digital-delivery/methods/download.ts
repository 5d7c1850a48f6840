import { z } from "@medusajs/framework/zod"
import { settingText } from "./settings"
import type {
  AttemptResult,
  DeliveryContext,
  DeliveryInstructionsPart,
  DeliveryMethod,
  DeliveryRuntime,
  DeliverySettingsField,
  DownloadSettings,
  ExchangeSummary,
} from "./types"

/**
 * Download delivery: signed, expiring, counted links to files stored through
 * Medusa's file module. Delivering creates the delivery's grants once (a
 * retry or a re-run after a crash keeps them), so it is safe to repeat.
 */
export class DownloadDeliveryMethod implements DeliveryMethod<DownloadSettings> {
  readonly code = "download" as const
  readonly label = "Download"
  readonly remote = false
  readonly resendAfterUnknown = "resend_idempotent" as const
  readonly secretFields = [] as const
  readonly emailed = true
  readonly settingsSchema = z
    .object({
      file_ids: z
        .array(settingText("file_ids", 200), { error: "settings.file_ids must be a list of file ids" })
        .min(1, { error: "settings.file_ids: add at least one file" }),
      file_names: z.record(z.string(), z.string().max(300)).optional(),
      link_lifetime_hours: z
        .number({ error: "settings.link_lifetime_hours must be a number" })
        .positive({ error: "settings.link_lifetime_hours must be more than 0" })
        .max(24 * 365, { error: "settings.link_lifetime_hours is at most a year" }),
      max_downloads: z
        .number({ error: "settings.max_downloads must be a number" })
        .int({ error: "settings.max_downloads must be a whole number" })
        .min(1, { error: "settings.max_downloads must be at least 1" })
        .max(1000, { error: "settings.max_downloads is at most 1000" }),
    })
    .strict()
  readonly settingsFields: readonly DeliverySettingsField[] = [
    {
      name: "file_ids",
      label: "Files",
      type: "files",
      required: true,
      secret: false,
      names_field: "file_names",
      help: "The customer gets a download link for each file.",
    },
    { name: "link_lifetime_hours", label: "Link lifetime (hours)", type: "number", required: true, secret: false, default: 72 },
    { name: "max_downloads", label: "Downloads per unit", type: "number", required: true, secret: false, default: 5 },
  ]

  targets(): [] {
    return []
  }

  worstCaseMs(): number {
    return 30_000
  }

  async deliver(settings: DownloadSettings, context: DeliveryContext, runtime: DeliveryRuntime): Promise<AttemptResult> {
    const grants = await runtime.ensureDownloadGrants(context, settings)
    return {
      outcome: "delivered",
      message: `${grants.length} download link${grants.length === 1 ? "" : "s"} ready`,
      response: { grants: grants.map((g) => g.id), expires_at: grants[0]?.expires_at ?? null },
    }
  }

  async revoke(_settings: DownloadSettings, context: DeliveryContext, runtime: DeliveryRuntime): Promise<AttemptResult> {
    const n = await runtime.revokeDownloadGrants(context.delivery_id)
    return { outcome: "delivered", message: `${n} download link(s) disabled` }
  }

  describe(settings: DownloadSettings): ExchangeSummary {
    return { files: settings.file_ids.length, max_downloads: settings.max_downloads, link_lifetime_hours: settings.link_lifetime_hours }
  }

  async instructions(
    settings: DownloadSettings,
    context: DeliveryContext,
    runtime: DeliveryRuntime,
    options: { fresh: boolean }
  ): Promise<DeliveryInstructionsPart> {
    return {
      text: `${context.title}: use the download links below; each link expires and allows a limited number of downloads.`,
      downloads: await runtime.downloadLinks(context, settings, options.fresh),
    }
  }
}
