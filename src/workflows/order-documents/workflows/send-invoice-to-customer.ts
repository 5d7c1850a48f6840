import { createWorkflow, transform, when, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { sendNotificationsStep, useQueryGraphStep } from "@medusajs/medusa/core-flows"
import type { InvoiceRecord } from "../../../modules/order-document/service"
import { recordOrderActivityStep } from "../../order-activity/steps/record-order-activity"
import { getOrderOpsOptionsStep } from "../../order-notes/steps/get-plugin-options"
import { getNotificationSettingsStep } from "../../order-ops-settings/steps/get-notification-settings"
import { mayNotifyAboutOrder, type TestOrderNotificationFlag } from "../../test-orders/utils/test-order-rules"
import { loadInvoiceAttachmentStep } from "../steps/load-invoice-attachment"
import { validateInvoiceSendStep, type InvoiceSendBlock } from "../steps/validate-invoice-send"
import { issueInvoiceWorkflow } from "./issue-invoice"

/** Input of {@link sendInvoiceToCustomerWorkflow}. */
export type SendInvoiceToCustomerWorkflowInput = {
  order_id: string
  /**
   * `capture`: the automatic email (`documents.invoice_on_capture`), sent once
   * per invoice and only while Settings → Notifications has "Invoice issued"
   * on. `manual`: the merchant's *Send to customer*, sent every time asked.
   */
  trigger: "capture" | "manual"
  /** A manual send's key (one per click), so a retried request sends once. */
  idempotency_key?: string | null
  /** The admin user of a manual send. */
  actor_id?: string | null
}

type OrderRow = { id: string; display_id: number; email: string | null; customer_id: string | null; test_order?: TestOrderNotificationFlag }

export const sendInvoiceToCustomerWorkflowId = "order-ops-send-invoice-to-customer"

/**
 * Issues the order's invoice when it has none yet (idempotent), then sends
 * it to the customer through Medusa's notification module: template
 * "Invoice issued" of Settings → Notifications (`order-ops-invoice-issued`),
 * the PDF attached (base64) and, in `data`, the number, totals and the file
 * module's link. The automatic send's idempotency key is the invoice id, so
 * a redelivered capture event never sends twice. Test orders follow every
 * customer email's rules (`mayNotifyAboutOrder`). Records
 * `invoice.customer_notified` on the timeline.
 *
 * @throws MedusaError NOT_FOUND for an unknown order; NOT_ALLOWED for a
 *   manual send to an order without email or to a test order's real customer.
 */
export const sendInvoiceToCustomerWorkflow = createWorkflow(
  sendInvoiceToCustomerWorkflowId,
  function (input: SendInvoiceToCustomerWorkflowInput) {
    const invoice = issueInvoiceWorkflow.runAsStep({ input: transform({ input }, ({ input }) => ({ order_id: input.order_id })) })
    const options = getOrderOpsOptionsStep()
    const settings = getNotificationSettingsStep()
    const { data: orders } = useQueryGraphStep({
      entity: "order",
      fields: ["id", "display_id", "email", "customer_id", "test_order.id", "test_order.generated_customer"],
      filters: { id: input.order_id },
    }).config({ name: "load-invoice-order" })

    const plan = transform({ input, orders, options, settings }, ({ input, orders, options, settings }) => {
      const order = (orders as unknown as OrderRow[])[0] as OrderRow | undefined
      const setting = settings.customer.invoice_issued
      const block: InvoiceSendBlock = !order?.email
        ? "no_email"
        : !mayNotifyAboutOrder(order.test_order, order.email, options)
          ? "test_order"
          : input.trigger === "capture" && !setting.enabled
            ? "switched_off"
            : null
      return { block, manual: input.trigger === "manual", display_id: order?.display_id ?? null, order, setting, channel: options.notes.channel }
    })
    const block = validateInvoiceSendStep(
      transform({ plan }, ({ plan }) => ({ manual: plan.manual, block: plan.block, display_id: plan.display_id }))
    )

    const sent = when({ block }, ({ block }) => block === null).then(() => {
      const file = loadInvoiceAttachmentStep(transform({ invoice }, ({ invoice }) => ({ invoice: invoice as InvoiceRecord })))
      const notification = transform({ input, invoice, plan, file }, ({ input, invoice, plan, file }) => {
        const inv = invoice as InvoiceRecord
        const snapshot = inv.snapshot as { currency_code?: string; totals?: { total?: number } }
        return {
          to: plan.order!.email!,
          channel: plan.channel,
          template: plan.setting.template,
          trigger_type: "order_ops.invoice.issued",
          resource_type: "invoice",
          resource_id: inv.id,
          receiver_id: plan.order!.customer_id ?? null,
          idempotency_key:
            input.trigger === "capture"
              ? `order-ops-invoice:${inv.id}`
              : `order-ops-invoice:${inv.id}:manual:${input.idempotency_key || `${Date.now()}-${Math.random().toString(36).slice(2, 10)}`}`,
          attachments: [file.attachment],
          data: {
            order_id: inv.order_id,
            order_display_id: plan.display_id,
            invoice_id: inv.id,
            invoice_number: inv.display_number,
            issued_at: new Date(inv.issued_at).toISOString(),
            total: snapshot.totals?.total ?? null,
            currency_code: snapshot.currency_code ?? null,
            test: inv.series === "test",
            file_url: file.file_url,
          },
        }
      })
      const notifications = sendNotificationsStep(transform({ notification }, ({ notification }) => [notification]))
      recordOrderActivityStep(
        transform({ input, notification, notifications }, ({ input, notification, notifications }) =>
          notifications.length
            ? [
                {
                  order_id: input.order_id,
                  kind: "invoice.customer_notified",
                  actor_type: input.actor_id ? ("user" as const) : ("system" as const),
                  actor_id: input.actor_id ?? null,
                  resource_type: "invoice",
                  resource_id: notification.resource_id,
                  data: { to: notification.to, template: notification.template, invoice_number: notification.data.invoice_number },
                },
              ]
            : []
        )
      )
      return notifications
    })

    return new WorkflowResponse(
      transform({ invoice, sent, block }, ({ invoice, sent, block }) => ({
        invoice: invoice as InvoiceRecord,
        sent: Boolean(sent?.length),
        notification_id: (sent?.[0] as { id?: string } | undefined)?.id ?? null,
        skipped: block,
      }))
    )
  }
)
