import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { ORDER_DOCUMENT_MODULE } from "../../../modules/order-document"
import type OrderDocumentModuleService from "../../../modules/order-document/service"
import type { InvoiceRecord } from "../../../modules/order-document/service"
import type { CreditNoteRequest } from "./build-credit-note-snapshots"

/** Credit note number prefixes per series. */
export const CREDIT_NOTE_PREFIXES = { live: "CN-", test: "TEST-CN-" } as const

/**
 * Issues the credit notes, each with the next gap-free number of its own
 * series (`credit_note:live` / `credit_note:test`) in the transaction that
 * writes it. Keyed on the refund: a refund that already has a credit note
 * (a redelivered event, or two deliveries racing) gets it back and takes
 * no number. No compensation on purpose: an issued number is never handed
 * back.
 */
export const issueCreditNoteRecordsStep = createStep(
  "order-ops-issue-credit-note-records",
  async (input: { requests: CreditNoteRequest[] }, { container }) => {
    const service = container.resolve<OrderDocumentModuleService>(ORDER_DOCUMENT_MODULE)
    const issued: { invoice: InvoiceRecord; created: boolean }[] = []
    for (const r of input.requests) {
      issued.push(
        await service.issueInvoiceRecord({
          order_id: r.order_id,
          kind: "credit_note",
          series: r.series,
          prefix: CREDIT_NOTE_PREFIXES[r.series],
          snapshot: r.snapshot as unknown as Record<string, unknown>,
          issued_at: new Date(r.snapshot.issued_at),
          refund_id: r.refund_id,
          credits_invoice_id: r.credits_invoice_id,
        })
      )
    }
    return new StepResponse(issued)
  }
)
