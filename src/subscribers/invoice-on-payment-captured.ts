import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { PaymentEvents } from "@medusajs/framework/utils"
import { isDuplicateNotification } from "../utils/duplicate-notification"
import { issueInvoiceOnCaptureWorkflow } from "../workflows/order-documents/workflows/issue-invoice-on-capture"

/** A payment was captured: issue and email the invoice when `documents.invoice_on_capture` is on. */
export default async function invoiceOnPaymentCapturedHandler({ event: { data }, container }: SubscriberArgs<{ id: string }>) {
  try {
    await issueInvoiceOnCaptureWorkflow(container).run({ input: { payment_id: data.id } })
  } catch (e) {
    // A redelivery of this event racing the first one: the invoice was issued and sent once.
    if (!isDuplicateNotification(e)) {
      throw e
    }
  }
}

export const config: SubscriberConfig = {
  event: PaymentEvents.CAPTURED,
  context: { subscriberId: "order-ops-invoice-on-payment-captured" },
}
