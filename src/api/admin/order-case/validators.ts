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
