import { model } from "@medusajs/framework/utils"

/**
 * A customer email as the merchant set it in Settings → Notifications. A
 * kind without a row follows the plugin options (the seed).
 */
export const NotificationSetting = model
  .define("order_ops_notification_setting", {
    id: model.id({ prefix: "onset" }).primaryKey(),
    kind: model.text(),
    enabled: model.boolean(),
    template: model.text(),
  })
  .indexes([{ name: "IDX_order_ops_notification_setting_kind_unique", on: ["kind"], unique: true, where: "deleted_at IS NULL" }])

/** A staff alert: on or off, and who receives it. */
export const StaffAlertSetting = model
  .define("order_ops_staff_alert_setting", {
    id: model.id({ prefix: "saset" }).primaryKey(),
    kind: model.text(),
    enabled: model.boolean(),
    template: model.text(),
    /** Email addresses. */
    recipients: model.json(),
  })
  .indexes([{ name: "IDX_order_ops_staff_alert_setting_kind_unique", on: ["kind"], unique: true, where: "deleted_at IS NULL" }])
