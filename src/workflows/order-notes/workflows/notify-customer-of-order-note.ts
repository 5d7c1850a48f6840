import {
  createWorkflow,
  transform,
  when,
  WorkflowResponse,
} from "@medusajs/framework/workflows-sdk"
import { sendNotificationsStep, useQueryGraphStep } from "@medusajs/medusa/core-flows"
import { mayNotifyAboutOrder, type TestOrderNotificationFlag } from "../../test-orders/utils/test-order-rules"
import { recordOrderActivityStep } from "../../order-activity/steps/record-order-activity"
import { getOrderOpsOptionsStep } from "../steps/get-plugin-options"
import { getNotificationSettingsStep } from "../../order-ops-settings/steps/get-notification-settings"

/** Input of {@link notifyCustomerOfOrderNoteWorkflow}. */
export type NotifyCustomerOfOrderNoteWorkflowInput = {
  /** The note to tell the customer about. */
  note_id: string
}

export const notifyCustomerOfOrderNoteWorkflowId = "order-ops-notify-customer-of-order-note"

/**
 * Sends the order's customer a notification (template
 * `order-ops-note-visible` by default) about a note visible to them, through
 * Medusa's notification module, and records `note.customer_notified` on the
 * timeline. Does nothing when the note is gone or internal, the order has no
 * email, or `notes.notify_customer` is off — and for a test order unless
 * the recipient is its generated test customer and
 * `test_orders.suppress_notifications` is off. The idempotency key is the note
 * id plus its last update, so a redelivered event never sends twice.
 */
export const notifyCustomerOfOrderNoteWorkflow = createWorkflow(
  notifyCustomerOfOrderNoteWorkflowId,
  function (input: NotifyCustomerOfOrderNoteWorkflowInput) {
    const options = getOrderOpsOptionsStep()
    const settings = getNotificationSettingsStep()

    const { data: notes } = useQueryGraphStep({
      entity: "order_note",
      fields: ["id", "order_id", "body", "visible_to_customer", "updated_at"],
      filters: { id: input.note_id },
    }).config({ name: "load-note" })

    const orderId = transform({ notes }, ({ notes }) => notes[0]?.order_id ?? "")

    const { data: orders } = useQueryGraphStep({
      entity: "order",
      fields: ["id", "display_id", "email", "customer_id", "test_order.id", "test_order.generated_customer"],
      filters: { id: orderId },
    }).config({ name: "load-order" })

    const plan = transform({ notes, orders, options, settings }, ({ notes, orders, options, settings }) => {
      const note = notes[0]
      const order = orders[0]
      const send = Boolean(
        note &&
          order?.email &&
          note.visible_to_customer &&
          settings.customer.note_shared.enabled &&
          // Test orders: only the generated test customer, or nobody (see README, Test orders).
          mayNotifyAboutOrder(
            (order as { test_order?: TestOrderNotificationFlag }).test_order,
            order.email,
            options
          )
      )
      if (!send) {
        return { send: false as const }
      }
      const updatedAt = new Date(note.updated_at as unknown as string).getTime()
      return {
        send: true as const,
        notification: {
          to: order.email as string,
          channel: options.notes.channel,
          template: settings.customer.note_shared.template,
          trigger_type: "order_ops.note.visible",
          resource_type: "order_note",
          resource_id: note.id,
          receiver_id: order.customer_id ?? null,
          idempotency_key: `order-ops-note:${note.id}:${updatedAt}`,
          data: {
            order_id: order.id,
            order_display_id: order.display_id,
            note_id: note.id,
            note_body: note.body,
          },
        },
        activity: {
          order_id: order.id,
          kind: "note.customer_notified",
          actor_type: "system" as const,
          actor_id: null,
          resource_type: "order_note",
          resource_id: note.id,
          data: { to: order.email, channel: options.notes.channel },
        },
      }
    })

    const sent = when({ plan }, ({ plan }) => plan.send).then(() => {
      const notifications = sendNotificationsStep(
        transform({ plan }, ({ plan }) => (plan.send ? [plan.notification] : []))
      )
      recordOrderActivityStep(
        transform({ plan }, ({ plan }) => (plan.send ? [plan.activity] : []))
      )
      return notifications
    })

    return new WorkflowResponse(
      transform({ sent }, ({ sent }) => ({ sent: Boolean(sent?.length) }))
    )
  }
)
