import { Modules } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { ORDER_CASE_MODULE } from "../../../modules/order-case"
import type OrderCaseModuleService from "../../../modules/order-case/service"

export type SendDisputeStaffAlertStepInput = {
  dispute_id: string
  order_id: string
  order_display_id?: number | null
  amount: number
  currency_code: string
  reason: string
  evidence_due_by: Date | string | null
}

/**
 * Tells staff a dispute was opened, through Medusa's notification module,
 * to the addresses of the `disputes.staff_alert` option. This is the one
 * place that decides who is alerted: point it at the notification
 * settings' staff recipients when those exist. One idempotency key per
 * dispute and address, so a retried workflow never alerts twice. Sending
 * is a fact: nothing to undo.
 */
export const sendDisputeStaffAlertStep = createStep(
  "order-ops-send-dispute-staff-alert",
  async (input: SendDisputeStaffAlertStepInput, { container }) => {
    const { staff_alert } = container.resolve<OrderCaseModuleService>(ORDER_CASE_MODULE).getDisputeOptions()
    if (!staff_alert.emails.length) {
      return new StepResponse({ sent: 0 })
    }
    const notifications = container.resolve(Modules.NOTIFICATION)
    await notifications.createNotifications(
      staff_alert.emails.map((to) => ({
        to,
        channel: staff_alert.channel,
        template: staff_alert.template,
        trigger_type: "order_ops.dispute.opened",
        resource_type: "order_dispute",
        resource_id: input.dispute_id,
        idempotency_key: `order-ops-dispute-alert:${input.dispute_id}:${to}`,
        data: { ...input },
      }))
    )
    return new StepResponse({ sent: staff_alert.emails.length })
  }
)
