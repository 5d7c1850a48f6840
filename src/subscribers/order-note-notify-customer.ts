import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { OrderOpsEvents, type OrderNoteEventData } from "../events"
import { notifyCustomerOfOrderNoteWorkflow } from "../workflows/order-notes/workflows/notify-customer-of-order-note"

/**
 * When a note becomes visible to the customer, tell them. Runs after the
 * note's workflow has committed, so a failed notification never undoes a note.
 */
export default async function orderNoteNotifyCustomerHandler({
  event: { data },
  container,
}: SubscriberArgs<OrderNoteEventData>) {
  if (!data.notify_customer) {
    return
  }
  await notifyCustomerOfOrderNoteWorkflow(container).run({ input: { note_id: data.id } })
}

export const config: SubscriberConfig = {
  event: [OrderOpsEvents.NOTE_CREATED, OrderOpsEvents.NOTE_UPDATED],
  context: { subscriberId: "order-ops-note-notify-customer" },
}
