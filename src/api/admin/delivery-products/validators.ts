import { z } from "@medusajs/framework/zod"
import { DELIVERY_METHODS, DeliveryMethodRegistry } from "../../../modules/digital-delivery/methods"
import type { DeliveryMethodCode } from "../../../modules/digital-delivery/methods/types"
import { licenseCodeLinesProblem } from "../../../workflows/digital-delivery/utils/license-code-lines"

const text = (field: string, max: number) =>
  z.string({ error: `${field} must be text` }).trim().min(1, { error: `${field} is required` }).max(max, { error: `${field} is longer than ${max} characters` })

/**
 * The methods' settings schemas come from the one registry; the schemas do
 * not depend on the plugin options, so default-built methods serve here.
 */
const registry = new DeliveryMethodRegistry()

/** Settings by method; an unknown or missing setting is a 400 naming `settings.<field>`. */
export const SETTINGS_BY_METHOD = Object.fromEntries(
  DELIVERY_METHODS.map((code) => [code, registry.get(code).settingsSchema])
) as Record<DeliveryMethodCode, z.ZodType>

const method = z.enum(DELIVERY_METHODS, {
  error: `method must be one of ${DELIVERY_METHODS.join(", ")}`,
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
export function checkSettings(m: DeliveryMethodCode, settings: unknown, ctx: z.RefinementCtx) {
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
