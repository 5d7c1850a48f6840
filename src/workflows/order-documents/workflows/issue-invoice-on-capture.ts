import { createWorkflow, transform, when, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { useQueryGraphStep } from "@medusajs/medusa/core-flows"
import { getOrderOpsOptionsStep } from "../../order-notes/steps/get-plugin-options"
import { sendInvoiceToCustomerWorkflow } from "./send-invoice-to-customer"

export const issueInvoiceOnCaptureWorkflowId = "order-ops-issue-invoice-on-capture"

/**
 * A payment was captured: with the `documents.invoice_on_capture` option on,
 * issues the order's invoice (or keeps the one it has) and sends it to the
 * customer once ({@link sendInvoiceToCustomerWorkflow}, trigger `capture`).
 * With the option off, does nothing.
 */
export const issueInvoiceOnCaptureWorkflow = createWorkflow(
  issueInvoiceOnCaptureWorkflowId,
  function (input: { payment_id: string }) {
    const options = getOrderOpsOptionsStep()
    const { data: payments } = useQueryGraphStep({
      entity: "payment",
      fields: ["id", "payment_collection.order.id"],
      filters: { id: input.payment_id },
    }).config({ name: "load-captured-payment" })
    const orderId = transform({ payments }, ({ payments }) => {
      const payment = payments[0] as { payment_collection?: { order?: { id: string } | null } | null } | undefined
      return payment?.payment_collection?.order?.id ?? null
    })
    const result = when({ options, orderId }, ({ options, orderId }) => options.documents.invoice_on_capture && !!orderId).then(() =>
      sendInvoiceToCustomerWorkflow.runAsStep({
        input: transform({ orderId }, ({ orderId }) => ({ order_id: orderId!, trigger: "capture" as const })),
      })
    )
    return new WorkflowResponse(
      transform({ result }, ({ result }) => ({ invoice_id: result?.invoice.id ?? null, sent: result?.sent ?? false }))
    )
  }
)
