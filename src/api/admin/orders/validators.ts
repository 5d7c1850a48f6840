import { z } from "@medusajs/framework/zod"
import { MAX_NOTE_LENGTH } from "../../../workflows/order-notes/utils/validate-note"

const noteBody = z
  .string({ error: "body must be a string" })
  .trim()
  .min(1, { error: "body cannot be empty" })
  .max(MAX_NOTE_LENGTH, { error: `body can be at most ${MAX_NOTE_LENGTH} characters` })

/** `POST /admin/orders/:id/notes` */
export const AdminCreateOrderNote = z
  .object({
    body: noteBody,
    visible_to_customer: z.boolean().optional(),
  })
  .strict()
export type AdminCreateOrderNoteType = z.infer<typeof AdminCreateOrderNote>

/** `POST /admin/orders/:id/notes/:note_id` */
export const AdminUpdateOrderNote = z
  .object({
    body: noteBody.optional(),
    visible_to_customer: z.boolean().optional(),
  })
  .strict()
  .refine((value) => value.body !== undefined || value.visible_to_customer !== undefined, {
    error: "Provide body or visible_to_customer",
    path: ["body"],
  })
export type AdminUpdateOrderNoteType = z.infer<typeof AdminUpdateOrderNote>

const pageNumber = (name: string, fallback: number, max?: number) => {
  let schema = z.coerce
    .number({ error: `${name} must be a number` })
    .int({ error: `${name} must be a whole number` })
    .min(name === "limit" ? 1 : 0, { error: `${name} is too small` })
  if (max) {
    schema = schema.max(max, { error: `${name} can be at most ${max}` })
  }
  return schema.default(fallback)
}

/** `GET /admin/orders/:id/notes` */
export const AdminGetOrderNotesParams = z
  .object({
    limit: pageNumber("limit", 50, 200),
    offset: pageNumber("offset", 0),
  })
  .strict()
export type AdminGetOrderNotesParamsType = z.infer<typeof AdminGetOrderNotesParams>

/** `GET /admin/orders/:id/timeline` */
export const AdminGetOrderTimelineParams = z
  .object({
    limit: pageNumber("limit", 20, 500),
    offset: pageNumber("offset", 0),
    kind: z
      .union([z.string().min(1), z.array(z.string().min(1))])
      .optional()
      .transform((value) => (value === undefined ? undefined : [value].flat())),
  })
  .strict()
export type AdminGetOrderTimelineParamsType = z.infer<typeof AdminGetOrderTimelineParams>

/** `POST /admin/orders/:id/invoice/send`: optionally a key per click, so a retried request sends once. */
export const AdminSendOrderInvoice = z
  .object({
    idempotency_key: z
      .string({ error: "idempotency_key must be a string" })
      .trim()
      .min(1, { error: "idempotency_key cannot be empty" })
      .max(200, { error: "idempotency_key is longer than 200 characters" })
      .optional(),
  })
  .strict()
export type AdminSendOrderInvoiceType = z.infer<typeof AdminSendOrderInvoice>
