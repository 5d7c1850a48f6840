import { z } from "@medusajs/framework/zod"
import { CUSTOMER_NOTIFICATION_KINDS, STAFF_ALERT_KINDS } from "../../../../../modules/order-ops-settings/registry"

const template = z
  .string({ error: "template must be text" })
  .trim()
  .min(1, { error: "template cannot be empty" })
  .max(200, { error: "template is longer than 200 characters" })

const customerSetting = z.object({ enabled: z.boolean({ error: "enabled must be true or false" }).optional(), template: template.optional() }).strict()
const staffSetting = z
  .object({
    enabled: z.boolean({ error: "enabled must be true or false" }).optional(),
    template: template.optional(),
    recipients: z.array(z.string().trim().email({ error: "recipients must be email addresses" })).max(50, { error: "at most 50 recipients" }).optional(),
  })
  .strict()

/** `POST /admin/order-ops/settings/notifications`: the kinds to change. */
export const AdminSaveNotificationSettings = z
  .object({
    customer: z.object(Object.fromEntries(CUSTOMER_NOTIFICATION_KINDS.map((k) => [k, customerSetting.optional()]))).strict().optional(),
    staff: z.object(Object.fromEntries(STAFF_ALERT_KINDS.map((k) => [k, staffSetting.optional()]))).strict().optional(),
  })
  .strict()
export type AdminSaveNotificationSettingsType = z.infer<typeof AdminSaveNotificationSettings>
