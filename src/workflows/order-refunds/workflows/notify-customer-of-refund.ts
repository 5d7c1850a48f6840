import { createWorkflow, transform, when, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { sendNotificationsStep, useQueryGraphStep } from "@medusajs/medusa/core-flows"
import { recordOrderActivityStep } from "../../order-activity/steps/record-order-activity"
import { getOrderOpsOptionsStep } from "../../order-notes/steps/get-plugin-options"
import { getNotificationSettingsStep } from "../../order-ops-settings/steps/get-notification-settings"
import { mayNotifyAboutOrder, type TestOrderNotificationFlag } from "../../test-orders/utils/test-order-rules"

/** Input of {@link notifyCustomerOfRefundWorkflow}. */
export type NotifyCustomerOfRefundWorkflowInput = {
  /** The refunded payment (Medusa's `payment.refunded` carries its id). */
  payment_id: string
}

type RefundRow = { id: string; amount: unknown; note: string | null; created_at: string | Date; refund_reason?: { label: string } | null }

export const notifyCustomerOfRefundWorkflowId = "order-ops-notify-customer-of-refund"

/**
 * Tells the customer a refund was issued — amount, currency and reason —
 * through Medusa's notification module (template and switch: Settings →
 * Notifications, "Refund issued"). Medusa emits `payment.refunded` once per
 * refund, right after creating it, with the payment id: the refund announced
 * is the payment's newest. The idempotency key is the refund id, so a
 * redelivered event never sends twice. Nothing for an order without email,
 * and for test orders the rules of every customer email
 * (`mayNotifyAboutOrder`). Records `refund.customer_notified` on the timeline.
 */
export const notifyCustomerOfRefundWorkflow = createWorkflow(
  notifyCustomerOfRefundWorkflowId,
  function (input: NotifyCustomerOfRefundWorkflowInput) {
    const options = getOrderOpsOptionsStep()
    const settings = getNotificationSettingsStep()
    const { data: payments } = useQueryGraphStep({
      entity: "payment",
      fields: [
        "id",
        "currency_code",
        "payment_collection.order.id",
        "refunds.id",
        "refunds.amount",
        "refunds.note",
        "refunds.created_at",
        "refunds.refund_reason.label",
      ],
      filters: { id: input.payment_id },
    }).config({ name: "load-payment" })
    const orderId = transform({ payments }, ({ payments }) => {
      const payment = payments[0] as { payment_collection?: { order?: { id: string } | null } | null } | undefined
      return payment?.payment_collection?.order?.id ?? ""
    })
    const { data: orders } = useQueryGraphStep({
      entity: "order",
      fields: ["id", "display_id", "email", "customer_id", "test_order.id", "test_order.generated_customer"],
      filters: { id: orderId },
    }).config({ name: "load-order" })

    const plan = transform({ payments, orders, options, settings }, ({ payments, orders, options, settings }) => {
      const payment = payments[0] as { id: string; currency_code: string; refunds?: (RefundRow | null)[] } | undefined
      const order = orders[0]
      const refund = (payment?.refunds ?? [])
        .filter((r): r is RefundRow => !!r)
        .sort((a, b) => new Date(b.created_at).getTime() - new Date(a.created_at).getTime() || b.id.localeCompare(a.id))[0]
      const setting = settings.customer.refund_issued
      if (
        !payment ||
        !refund ||
        !order?.email ||
        !setting.enabled ||
        // Test orders: only the generated test customer, or nobody (see README, Test orders).
        !mayNotifyAboutOrder((order as { test_order?: TestOrderNotificationFlag }).test_order, order.email, options)
      ) {
        return { send: false as const }
      }
      const amount = Number(refund.amount ?? 0)
      const reason = refund.refund_reason?.label ?? refund.note ?? null
      return {
        send: true as const,
        notification: {
          to: order.email,
          channel: options.notes.channel,
          template: setting.template,
          trigger_type: "order_ops.refund.issued",
          resource_type: "refund",
          resource_id: refund.id,
          receiver_id: order.customer_id ?? null,
          idempotency_key: `order-ops-refund:${refund.id}`,
          data: {
            order_id: order.id,
            order_display_id: order.display_id,
            refund_id: refund.id,
            amount,
            currency_code: payment.currency_code,
            reason,
          },
        },
        activity: {
          order_id: order.id,
          kind: "refund.customer_notified",
          actor_type: "system" as const,
          actor_id: null,
          resource_type: "refund",
          resource_id: refund.id,
          data: { to: order.email, template: setting.template, amount, currency_code: payment.currency_code },
        },
      }
    })

    const sent = when({ plan }, ({ plan }) => plan.send).then(() => {
      const notifications = sendNotificationsStep(transform({ plan }, ({ plan }) => (plan.send ? [plan.notification] : [])))
      recordOrderActivityStep(
        transform({ notifications, plan }, ({ notifications, plan }) => (plan.send && notifications.length ? [plan.activity] : []))
      )
      return notifications
    })

    return new WorkflowResponse(transform({ sent }, ({ sent }) => ({ sent: Boolean(sent?.length) })))
  }
)
