import { createWorkflow, transform, when, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { sendNotificationsStep, useQueryGraphStep } from "@medusajs/medusa/core-flows"
import type { ShipmentStatusValue } from "../../../modules/shipment/state-machine"
import { recordOrderActivityStep } from "../../order-activity/steps/record-order-activity"
import { getNotificationSettingsStep } from "../../order-ops-settings/steps/get-notification-settings"
import { mayNotifyAboutOrder, type TestOrderNotificationFlag } from "../../test-orders/utils/test-order-rules"
import { getShipmentOptionsStep } from "../steps/get-shipment-options"
import { carrierName } from "../utils/carriers"
import { trackingChangeNotifiable } from "../utils/notifications"

/** Input of {@link notifyCustomerOfTrackingChangeWorkflow}. */
export type NotifyCustomerOfTrackingChangeWorkflowInput = {
  shipment_id: string
  /** Names the edit (the shipment's `updated_at` after it, ISO): one notification per edit. */
  edit_key: string
}

export const notifyCustomerOfTrackingChangeWorkflowId = "order-ops-notify-customer-of-tracking-change"

/**
 * Tells the customer a shipment's tracking details (carrier, tracking number
 * or URL) were edited, with the details as they are now, through Medusa's
 * notification module (template and switch: Settings → Notifications,
 * "Tracking details changed"). Only for a shipment that has left and is not
 * yet delivered or canceled (see `trackingChangeNotifiable`), with its
 * notify switch on, and for test orders under the same rules as every
 * customer email (`mayNotifyAboutOrder`). The idempotency key is the
 * shipment and the edit, so a redelivered event never sends twice. Records
 * `shipment.customer_notified` on the timeline.
 */
export const notifyCustomerOfTrackingChangeWorkflow = createWorkflow(
  notifyCustomerOfTrackingChangeWorkflowId,
  function (input: NotifyCustomerOfTrackingChangeWorkflowInput) {
    const options = getShipmentOptionsStep()
    const settings = getNotificationSettingsStep()
    const { data: shipments } = useQueryGraphStep({
      entity: "shipment",
      fields: ["id", "order_id", "status", "carrier", "tracking_number", "tracking_url", "estimated_delivery_at", "notify_customer"],
      filters: { id: input.shipment_id },
    }).config({ name: "load-shipment" })
    const orderId = transform({ shipments }, ({ shipments }) => shipments[0]?.order_id ?? "")
    const { data: orders } = useQueryGraphStep({
      entity: "order",
      fields: ["id", "display_id", "email", "customer_id", "test_order.id", "test_order.generated_customer"],
      filters: { id: orderId },
    }).config({ name: "load-order" })

    const plan = transform({ input, shipments, orders, options, settings }, ({ input, shipments, orders, options, settings }) => {
      const shipment = shipments[0]
      const order = orders[0]
      const setting = settings.customer.tracking_changed
      if (
        !shipment ||
        !order?.email ||
        !setting.enabled ||
        !shipment.notify_customer ||
        !shipment.tracking_number ||
        !trackingChangeNotifiable(shipment.status as ShipmentStatusValue) ||
        // Test orders: only the generated test customer, or nobody (see README, Test orders).
        !mayNotifyAboutOrder((order as { test_order?: TestOrderNotificationFlag }).test_order, order.email, options)
      ) {
        return { send: false as const }
      }
      return {
        send: true as const,
        notification: {
          to: order.email,
          channel: options.shipments.channel,
          template: setting.template,
          trigger_type: "order_ops.shipment.tracking_changed",
          resource_type: "shipment",
          resource_id: shipment.id,
          receiver_id: order.customer_id ?? null,
          idempotency_key: `order-ops-shipment-tracking:${shipment.id}:${input.edit_key}`,
          data: {
            order_id: order.id,
            order_display_id: order.display_id,
            shipment_id: shipment.id,
            status: shipment.status,
            carrier: carrierName(shipment.carrier as string | null),
            tracking_number: shipment.tracking_number,
            tracking_url: shipment.tracking_url,
            estimated_delivery_at: shipment.estimated_delivery_at,
          },
        },
        activity: {
          order_id: order.id,
          kind: "shipment.customer_notified",
          actor_type: "system" as const,
          actor_id: null,
          resource_type: "shipment",
          resource_id: shipment.id,
          data: { to: order.email, template: setting.template, status: shipment.status, tracking_changed: true },
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
