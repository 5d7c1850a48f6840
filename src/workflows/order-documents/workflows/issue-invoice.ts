import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { buildInvoiceSnapshotStep } from "../steps/build-invoice-snapshot"
import { issueInvoiceRecordStep } from "../steps/issue-invoice-record"
import { storeInvoiceFileStep } from "../steps/store-invoice-file"

export const issueInvoiceWorkflowId = "order-ops-issue-invoice"

/**
 * Issues an order's invoice: freezes what it shows, takes the next gap-free
 * number of its series (TEST series for test orders) in the transaction
 * that writes it, and stores the PDF. Issuing again returns the same
 * invoice, whose stored PDF never changes.
 *
 * @throws MedusaError NOT_FOUND for an unknown order.
 */
export const issueInvoiceWorkflow = createWorkflow(issueInvoiceWorkflowId, function (input: { order_id: string }) {
  const issuedAt = transform({ input }, () => new Date())
  const snapshot = buildInvoiceSnapshotStep(transform({ input, issuedAt }, ({ input, issuedAt }) => ({ order_id: input.order_id, issued_at: issuedAt })))
  const issued = issueInvoiceRecordStep(transform({ input, snapshot }, ({ input, snapshot }) => ({ order_id: input.order_id, snapshot })))
  const invoice = storeInvoiceFileStep(transform({ issued }, ({ issued }) => ({ invoice: issued.invoice })))
  // `created`: false when the order already had its invoice (nothing was issued now).
  return new WorkflowResponse(transform({ invoice, issued }, ({ invoice, issued }) => ({ ...invoice, created: issued.created })))
})
