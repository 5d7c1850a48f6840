import { createWorkflow, transform, when, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { sendNotificationsStep } from "@medusajs/medusa/core-flows"
import { uniqueRecipients, type StaffAlertKind } from "../../../modules/order-ops-settings/registry"
import { getNotificationSettingsStep } from "../steps/get-notification-settings"

/** Input of {@link sendStaffAlertWorkflow}. */
export type SendStaffAlertWorkflowInput = {
  /** Which alert (a key of `STAFF_ALERTS`). */
  kind: StaffAlertKind
  /** What it is about; with the kind, it makes the idempotency key (one alert per thing per address). */
  resource_type: string
  resource_id: string
  /** Template data. */
  data: Record<string, unknown>
}

export const sendStaffAlertWorkflowId = "order-ops-send-staff-alert"

/**
 * Sends a staff alert to every recipient listed for its kind in Settings →
 * Notifications, once per address (idempotency key
 * `order-ops-staff:<kind>:<resource_id>:<address>`), through Medusa's
 * notification module. Nothing when the alert is off or has no recipients.
 */
export const sendStaffAlertWorkflow = createWorkflow(sendStaffAlertWorkflowId, (input: SendStaffAlertWorkflowInput) => {
  const settings = getNotificationSettingsStep()
  const notifications = transform({ input, settings }, ({ input, settings }) => {
    const alert = settings.staff[input.kind]
    if (!alert?.enabled) return []
    return uniqueRecipients(alert.recipients).map((to) => ({
      to,
      channel: "email",
      template: alert.template,
      trigger_type: `order_ops.staff_alert.${input.kind}`,
      resource_type: input.resource_type,
      resource_id: input.resource_id,
      idempotency_key: `order-ops-staff:${input.kind}:${input.resource_id}:${to.toLowerCase()}`,
      data: { kind: input.kind, ...input.data },
    }))
  })
  const sent = when({ notifications }, ({ notifications }) => notifications.length > 0).then(() => sendNotificationsStep(notifications))
  return new WorkflowResponse(transform({ sent }, ({ sent }) => ({ sent: sent?.length ?? 0 })))
})
