import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { PaymentEvents } from "@medusajs/framework/utils"
import { issueCreditNotesWorkflow } from "../workflows/order-documents/workflows/issue-credit-notes"

/** Medusa refunded a payment: credit the order's invoice (one credit note per refund). */
export default async function creditNoteOnRefundHandler({ event: { data }, container }: SubscriberArgs<{ id: string }>) {
  await issueCreditNotesWorkflow(container).run({ input: { payment_id: data.id } })
}

export const config: SubscriberConfig = {
  event: PaymentEvents.REFUNDED,
  context: { subscriberId: "order-ops-credit-note-on-refund" },
}
