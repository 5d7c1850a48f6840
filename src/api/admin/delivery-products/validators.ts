import { z } from "@medusajs/framework/zod"
import { licenseCodeLinesProblem } from "../../../workflows/digital-delivery/utils/license-code-lines"

const text = (field: string, max: number) =>
  z.string({ error: `${field} must be text` }).trim().min(1, { error: `${field} is required` }).max(max, { error: `${field} is longer than ${max} characters` })

const downloadSettings = z
  .object({
    file_ids: z.array(text("settings.file_ids", 200), { error: "settings.file_ids must be a list of file ids" }).min(1, { error: "settings.file_ids: add at least one file" }),
    file_names: z.record(z.string(), z.string().max(300)).optional(),
    link_lifetime_hours: z.number({ error: "settings.link_lifetime_hours must be a number" }).positive({ error: "settings.link_lifetime_hours must be more than 0" }).max(24 * 365, { error: "settings.link_lifetime_hours is at most a year" }),
    max_downloads: z.number({ error: "settings.max_downloads must be a number" }).int({ error: "settings.max_downloads must be a whole number" }).min(1, { error: "settings.max_downloads must be at least 1" }).max(1000, { error: "settings.max_downloads is at most 1000" }),
  })
  .strict()

const licenseSettings = z.object({ pool_id: text("settings.pool_id", 100) }).strict()

const webhookSettings = z
  .object({
    url: z.url({ error: "settings.url must be a URL" }).refine((u) => /^https?:\/\//.test(u), { error: "settings.url must be http(s)" }),
    secret: z.string({ error: "settings.secret is required" }).regex(/^whsec_[A-Za-z0-9+/=]{16,}$/, { error: "settings.secret must be a Standard Webhooks secret (whsec_…)" }),
  })
  .strict()

const rconSettings = z
  .object({
    host: text("settings.host", 255),
    port: z.number({ error: "settings.port must be a number" }).int({ error: "settings.port must be a whole number" }).min(1, { error: "settings.port must be 1–65535" }).max(65535, { error: "settings.port must be 1–65535" }),
    password: text("settings.password", 200),
    command: text("settings.command", 500),
    revoke_command: z.string().trim().max(500, { error: "settings.revoke_command is longer than 500 characters" }).nullish(),
    online_only: z.boolean({ error: "settings.online_only must be true or false" }).optional(),
    player_field: z.string().trim().min(1).max(100).optional(),
  })
  .strict()

const snowflake = (field: string) => z.string({ error: `${field} is required` }).regex(/^\d{17,20}$/, { error: `${field} must be a Discord id (17–20 digits)` })

const discordSettings = z
  .object({
    bot_token: text("settings.bot_token", 200),
    guild_id: snowflake("settings.guild_id"),
    role_id: snowflake("settings.role_id"),
    user_field: z.string().trim().min(1).max(100).optional(),
  })
  .strict()

/** Settings by method; an unknown or missing setting is a 400 naming `settings.<field>`. */
export const SETTINGS_BY_METHOD = {
  download: downloadSettings,
  license_code: licenseSettings,
  webhook: webhookSettings,
  rcon: rconSettings,
  discord_role: discordSettings,
} as const

const method = z.enum(["download", "license_code", "webhook", "rcon", "discord_role"], {
  error: "method must be one of download, license_code, webhook, rcon, discord_role",
})

/** `POST /admin/delivery-products` */
export const AdminCreateDeliveryProduct = z
  .object({
    variant_id: text("variant_id", 100),
    method,
    settings: z.record(z.string(), z.unknown(), { error: "settings must be an object" }),
    enabled: z.boolean({ error: "enabled must be true or false" }).optional(),
  })
  .strict()
  .superRefine((body, ctx) => checkSettings(body.method, body.settings, ctx))
export type AdminCreateDeliveryProductType = z.infer<typeof AdminCreateDeliveryProduct>

/** `POST /admin/delivery-products/:id` — settings are replaced whole when given (with `method` when it changes). */
export const AdminUpdateDeliveryProduct = z
  .object({
    method: method.optional(),
    settings: z.record(z.string(), z.unknown(), { error: "settings must be an object" }).optional(),
    enabled: z.boolean({ error: "enabled must be true or false" }).optional(),
  })
  .strict()
export type AdminUpdateDeliveryProductType = z.infer<typeof AdminUpdateDeliveryProduct>

/** Validates `settings` for a method, reporting issues as `settings.<field>`. */
export function checkSettings(m: keyof typeof SETTINGS_BY_METHOD, settings: unknown, ctx: z.RefinementCtx) {
  const parsed = SETTINGS_BY_METHOD[m].safeParse(settings)
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const path = ["settings", ...issue.path.map(String)].join(".")
      ctx.addIssue({
        code: "custom",
        path: ["settings", ...issue.path.map(String)],
        message: issue.message.includes("settings.") ? issue.message : `${path}: ${issue.message}`,
      })
    }
  }
}

/** `POST /admin/license-pools` */
export const AdminCreateLicensePool = z
  .object({
    name: text("name", 100),
    description: z.string().trim().max(1000, { error: "description is longer than 1000 characters" }).nullish(),
    low_stock_threshold: z.number({ error: "low_stock_threshold must be a number" }).int({ error: "low_stock_threshold must be a whole number" }).min(0, { error: "low_stock_threshold cannot be negative" }).optional(),
  })
  .strict()
export type AdminCreateLicensePoolType = z.infer<typeof AdminCreateLicensePool>
export const AdminUpdateLicensePool = AdminCreateLicensePool.partial().strict()
export type AdminUpdateLicensePoolType = z.infer<typeof AdminUpdateLicensePool>

/** `POST /admin/license-pools/:id/codes` — pasted text or a CSV file's content. */
export const AdminImportLicenseCodes = z
  .object({
    codes: z
      .string({ error: "codes must be text: one code per line, or CSV with the code first" })
      .min(1, { error: "codes: paste at least one code" })
      .max(5_000_000, { error: "codes: at most 5 MB at once" })
      .superRefine((text, ctx) => {
        const problem = licenseCodeLinesProblem(text)
        if (problem) {
          ctx.addIssue({ code: "custom", message: problem })
        }
      }),
  })
  .strict()
export type AdminImportLicenseCodesType = z.infer<typeof AdminImportLicenseCodes>

/** `POST /admin/deliveries/:id/mark-delivered` */
export const AdminMarkDelivered = z
  .object({
    redemption_code: z.string().trim().max(500, { error: "redemption_code is longer than 500 characters" }).nullish(),
    notes: z.string().trim().max(5000, { error: "notes is longer than 5000 characters" }).nullish(),
  })
  .strict()
export type AdminMarkDeliveredType = z.infer<typeof AdminMarkDelivered>

/** `POST /admin/orders/:id/deliveries/complete` */
export const AdminCompleteDigitalOrder = z
  .object({ notes: z.string().trim().max(5000, { error: "notes is longer than 5000 characters" }).nullish() })
  .strict()
export type AdminCompleteDigitalOrderType = z.infer<typeof AdminCompleteDigitalOrder>
