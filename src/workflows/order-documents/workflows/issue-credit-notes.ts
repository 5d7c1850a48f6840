import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { buildCreditNoteSnapshotsStep } from "../steps/build-credit-note-snapshots"
import { issueCreditNoteRecordsStep } from "../steps/issue-credit-note-records"
import { storeInvoiceFilesStep } from "../steps/store-invoice-file"

export const issueCreditNotesWorkflowId = "order-ops-issue-credit-notes"

/** Input of {@link issueCreditNotesWorkflow}. */
export type IssueCreditNotesWorkflowInput = {
  /** The refunded payment (Medusa's `payment.refunded` carries its id). */
  payment_id: string
}

/**
 * A payment was refunded: issues a credit note against the order's invoice
 * for every refund of the payment that has none yet — its own gap-free
 * series (`CN-000001`, test orders `TEST-CN-…`), the refunded amount and
 * reason, the invoice's number — and stores its PDF, immutable like the
 * invoice's. Idempotent per refund: a redelivered event issues nothing new.
 * An order without an issued invoice gets no credit note.
 */
export const issueCreditNotesWorkflow = createWorkflow(issueCreditNotesWorkflowId, function (input: IssueCreditNotesWorkflowInput) {
  const issuedAt = transform({ input }, () => new Date())
  const requests = buildCreditNoteSnapshotsStep(
    transform({ input, issuedAt }, ({ input, issuedAt }) => ({ payment_id: input.payment_id, issued_at: issuedAt }))
  )
  const issued = issueCreditNoteRecordsStep(transform({ requests }, ({ requests }) => ({ requests })))
  const stored = storeInvoiceFilesStep(transform({ issued }, ({ issued }) => ({ invoices: issued.map((i) => i.invoice) })))
  return new WorkflowResponse(
    transform({ stored, issued }, ({ stored, issued }) => ({
      credit_notes: stored,
      created: issued.filter((i) => i.created).map((i) => i.invoice.id),
    }))
  )
})
