import { z } from "@medusajs/framework/zod"
import { ORDER_HOLD_REASONS, ORDER_LABEL_COLORS } from "../../../modules/order-case/models"

const optionalText = (field: string, max: number) =>
  z
    .string({ error: `${field} must be a string` })
    .trim()
    .max(max, { error: `${field} can be at most ${max} characters` })
    .nullish()
    .transform((value) => value || null)

/** `POST /admin/orders/:id/hold` */
export const AdminPlaceOrderHold = z
  .object({
    reason: z.enum(ORDER_HOLD_REASONS, { error: `reason must be one of ${ORDER_HOLD_REASONS.join(", ")}` }),
    note: optionalText("note", 1000),
  })
  .strict()
export type AdminPlaceOrderHoldType = z.infer<typeof AdminPlaceOrderHold>

/** `POST /admin/orders/:id/release` */
export const AdminReleaseOrderHold = z.object({ note: optionalText("note", 1000) }).strict()
export type AdminReleaseOrderHoldType = z.infer<typeof AdminReleaseOrderHold>

/** `POST /admin/orders/:id/order-label` */
export const AdminSetOrderLabel = z
  .object({
    /** The label to set, or null to clear it. */
    label_id: z.string({ error: "label_id must be a string or null" }).trim().min(1, { error: "label_id cannot be empty" }).nullable(),
    reference: optionalText("reference", 200),
    notify_customer: z.boolean({ error: "notify_customer must be true or false" }).optional(),
  })
  .strict()
export type AdminSetOrderLabelType = z.infer<typeof AdminSetOrderLabel>

const labelName = z
  .string({ error: "name must be a string" })
  .trim()
  .min(1, { error: "name cannot be empty" })
  .max(60, { error: "name can be at most 60 characters" })
const labelColor = z.enum(ORDER_LABEL_COLORS, { error: `color must be one of ${ORDER_LABEL_COLORS.join(", ")}` })

/** `POST /admin/order-labels` */
export const AdminCreateOrderLabel = z
  .object({
    name: labelName,
    color: labelColor.optional(),
    customer_visible: z.boolean({ error: "customer_visible must be true or false" }).optional(),
  })
  .strict()
export type AdminCreateOrderLabelType = z.infer<typeof AdminCreateOrderLabel>

/** `POST /admin/order-labels/:id` */
export const AdminUpdateOrderLabel = AdminCreateOrderLabel.partial()
  .strict()
  .refine((v) => Object.keys(v).length > 0, { error: "Provide name, color or customer_visible", path: ["name"] })
export type AdminUpdateOrderLabelType = z.infer<typeof AdminUpdateOrderLabel>

const DISPUTE_REASON_LIST = [
  "fraudulent",
  "product_not_received",
  "product_unacceptable",
  "duplicate",
  "subscription_canceled",
  "credit_not_processed",
  "unrecognized",
  "other",
] as const
const DISPUTE_STATUS_LIST = ["needs_response", "under_review", "won", "lost", "accepted"] as const

const isoDateTime = (field: string) =>
  z
    .string({ error: `${field} must be an ISO 8601 date` })
    .refine((v) => !Number.isNaN(new Date(v).getTime()) && /^\d{4}-\d{2}-\d{2}/.test(v), {
      error: `${field} must be an ISO 8601 date, e.g. 2041-01-31`,
    })
    .transform((v) => new Date(v))

/** `POST /admin/orders/:id/disputes` */
export const AdminCreateDispute = z
  .object({
    payment_id: z.string({ error: "payment_id must be a string" }).min(1).nullish(),
    amount: z.number({ error: "amount must be a number" }).positive({ error: "amount must be more than 0" }).max(100_000_000),
    currency_code: z
      .string({ error: "currency_code must be a 3-letter code" })
      .regex(/^[A-Za-z]{3}$/, { error: "currency_code must be a 3-letter code" })
      .transform((v) => v.toLowerCase())
      .optional(),
    reason: z.enum(DISPUTE_REASON_LIST, { error: `reason must be one of ${DISPUTE_REASON_LIST.join(", ")}` }),
    status: z.enum(DISPUTE_STATUS_LIST, { error: `status must be one of ${DISPUTE_STATUS_LIST.join(", ")}` }).optional(),
    opened_at: isoDateTime("opened_at").optional(),
    evidence_due_by: isoDateTime("evidence_due_by").nullish(),
    gateway_dispute_id: z.string().trim().max(200).nullish(),
    notes: optionalText("notes", 5000),
  })
  .strict()
export type AdminCreateDisputeType = z.infer<typeof AdminCreateDispute>

/** `POST /admin/disputes/:id` */
export const AdminUpdateDispute = z
  .object({
    status: z.enum(DISPUTE_STATUS_LIST, { error: `status must be one of ${DISPUTE_STATUS_LIST.join(", ")}` }).optional(),
    notes: optionalText("notes", 5000).optional(),
    evidence_due_by: isoDateTime("evidence_due_by").nullish(),
  })
  .strict()
  .refine((v) => Object.keys(v).length > 0, { error: "Provide status, notes or evidence_due_by", path: ["status"] })
export type AdminUpdateDisputeType = z.infer<typeof AdminUpdateDispute>

/** `GET /admin/disputes/:id/evidence` */
export const AdminGetDisputeEvidenceParams = z
  .object({
    /** `pdf` (default) or `zip` (the PDF with its JSON sources). */
    format: z.enum(["pdf", "zip"], { error: "format must be pdf or zip" }).default("pdf"),
  })
  .strict()
export type AdminGetDisputeEvidenceParamsType = z.infer<typeof AdminGetDisputeEvidenceParams>
