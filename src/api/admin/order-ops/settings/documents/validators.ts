import { z } from "@medusajs/framework/zod"

const optionalText = (field: string, max: number) =>
  z
    .string({ error: `${field} must be text` })
    .trim()
    .max(max, { error: `${field} is longer than ${max} characters` })
    .nullable()
    .optional()
    .transform((v) => (v === "" ? null : v))

/** `POST /admin/order-ops/settings/documents`: the fields to change. */
export const AdminSaveDocumentSettings = z
  .object({
    store_name: optionalText("store_name", 200),
    address: optionalText("address", 1000),
    tax_ids: z
      .array(z.string({ error: "tax_ids must be text" }).trim().min(1, { error: "tax_ids cannot hold an empty id" }).max(100, { error: "tax_ids: an id is longer than 100 characters" }), {
        error: "tax_ids must be a list of ids",
      })
      .max(10, { error: "tax_ids: at most 10" })
      .optional(),
    logo_file_id: z.string({ error: "logo_file_id must be a file id" }).trim().min(1, { error: "logo_file_id cannot be empty" }).nullable().optional(),
    invoice_prefix: z
      .string({ error: "invoice_prefix must be text" })
      .max(20, { error: "invoice_prefix is longer than 20 characters" })
      .regex(/^[A-Za-z0-9/_.-]*$/, { error: "invoice_prefix may hold letters, digits and - / _ . only" })
      .refine((p) => !/^TEST-/i.test(p), { error: "invoice_prefix cannot start with TEST- (test orders' series)" })
      .optional(),
    next_invoice_number: z
      .number({ error: "next_invoice_number must be a number" })
      .int({ error: "next_invoice_number must be a whole number" })
      .min(1, { error: "next_invoice_number must be at least 1" })
      .max(999_999_999, { error: "next_invoice_number is too large" })
      .optional(),
  })
  .strict()
export type AdminSaveDocumentSettingsType = z.infer<typeof AdminSaveDocumentSettings>
