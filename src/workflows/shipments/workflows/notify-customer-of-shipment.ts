import {
  createWorkflow,
  transform,
  when,
  WorkflowResponse,
} from "@medusajs/framework/workflows-sdk"
import { sendNotificationsStep, useQueryGraphStep } from "@medusajs/medusa/core-flows"
import type { ShipmentStatusValue, ShippingPointValue } from "../../../modules/shipment/state-machine"
import { mayNotifyAboutOrder, type TestOrderNotificationFlag } from "../../test-orders/utils/test-order-rules"
import { recordOrderActivityStep } from "../../order-activity/steps/record-order-activity"
import { getShipmentOptionsStep } from "../steps/get-shipment-options"
import { carrierName } from "../utils/carriers"
import { shipmentNotificationKind } from "../utils/notifications"
import { getNotificationSettingsStep } from "../../order-ops-settings/steps/get-notification-settings"

/** Input of {@link notifyCustomerOfShipmentWorkflow}. */
export type NotifyCustomerOfShipmentWorkflowInput = {
  shipment_id: string
  /** The status the shipment moved to (the event's, not re-read: a later move has its own event). */
  status: ShipmentStatusValue
}

export const notifyCustomerOfShipmentWorkflowId = "order-ops-notify-customer-of-shipment"

/**
 * Tells the customer a shipment moved — shipped (with tracking), out for
 * delivery, delivered, picked up or failed — through Medusa's notification
 * module, unless the shipment's notify switch or the store's option is off,
 * or the order is a test order whose recipient is not its generated test
 * customer (or `test_orders.suppress_notifications` is on).
 * One idempotency key per (shipment, status), so a repeated event never
 * sends twice. Records `shipment.customer_notified` on the timeline.
 */
export const notifyCustomerOfShipmentWorkflow = createWorkflow(
  notifyCustomerOfShipmentWorkflowId,
  function (input: NotifyCustomerOfShipmentWorkflowInput) {
    const options = getShipmentOptionsStep()
    const settings = getNotificationSettingsStep()
    const { data: shipments } = useQueryGraphStep({
      entity: "shipment",
      fields: ["id", "order_id", "shipping_point", "carrier", "tracking_number", "tracking_url", "estimated_delivery_at", "notify_customer", "items"],
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
      // Test orders: only the generated test customer, or nobody (see README, Test orders).
      if (!shipment || !order?.email || !mayNotifyAboutOrder(
            (order as { test_order?: TestOrderNotificationFlag }).test_order,
            order.email,
            options
          )) {
        return { send: false as const }
      }
      const kind = shipmentNotificationKind(input.status, shipment.shipping_point as ShippingPointValue)
      if (!kind || !shipment.notify_customer || !settings.customer[kind].enabled) {
        return { send: false as const }
      }
      return {
        send: true as const,
        notification: {
          to: order.email,
          channel: options.shipments.channel,
          template: settings.customer[kind].template,
          trigger_type: `order_ops.shipment.${kind}`,
          resource_type: "shipment",
          resource_id: shipment.id,
          receiver_id: order.customer_id ?? null,
          idempotency_key: `order-ops-shipment:${shipment.id}:${input.status}`,
          data: {
            order_id: order.id,
            order_display_id: order.display_id,
            shipment_id: shipment.id,
            status: input.status,
            carrier: carrierName(shipment.carrier as string | null),
            tracking_number: shipment.tracking_number,
            tracking_url: shipment.tracking_url,
            estimated_delivery_at: shipment.estimated_delivery_at,
            items: shipment.items,
          },
        },
        activity: {
          order_id: order.id,
          kind: "shipment.customer_notified",
          actor_type: "system" as const,
          actor_id: null,
          resource_type: "shipment",
          resource_id: shipment.id,
          data: { to: order.email, template: settings.customer[kind].template, status: input.status },
        },
      }
    })

    const sent = when({ plan }, ({ plan }) => plan.send).then(() => {
      const notifications = sendNotificationsStep(
        transform({ plan }, ({ plan }) => (plan.send ? [plan.notification] : []))
      )
      const fresh = transform({ notifications, plan }, ({ notifications, plan }) =>
        plan.send && notifications.length ? [plan.activity] : []
      )
      recordOrderActivityStep(fresh)
      return notifications
    })

    return new WorkflowResponse(transform({ sent }, ({ sent }) => ({ sent: Boolean(sent?.length) })))
  }
)
