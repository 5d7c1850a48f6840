import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { PaymentEvents } from "@medusajs/framework/utils"
import { isDuplicateNotification } from "../utils/duplicate-notification"
import { notifyCustomerOfRefundWorkflow } from "../workflows/order-refunds/workflows/notify-customer-of-refund"

/** Medusa refunded a payment: tell the customer (Settings → Notifications, "Refund issued"). */
export default async function refundNotifyCustomerHandler({ event: { data }, container }: SubscriberArgs<{ id: string }>) {
  try {
    await notifyCustomerOfRefundWorkflow(container).run({ input: { payment_id: data.id } })
  } catch (e) {
    // A redelivery of this event racing the first one: the customer was told once.
    if (!isDuplicateNotification(e)) {
      throw e
    }
  }
}

export const config: SubscriberConfig = {
  event: PaymentEvents.REFUNDED,
  context: { subscriberId: "order-ops-refund-notify-customer" },
}
