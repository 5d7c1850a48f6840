import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import type { InvoiceRecord } from "../../../modules/order-document/service"
import { storeDocumentFile } from "../utils/store-document-file"

/**
 * Renders the invoice from its frozen snapshot and stores the PDF in the
 * file module, once: an invoice that already has its file keeps it. No
 * compensation on purpose: the file is recorded on the issued invoice,
 * which is never rolled back (its number is never handed back), so a
 * later step failing must not leave the invoice pointing at a deleted file.
 */
export const storeInvoiceFileStep = createStep(
  "order-ops-store-invoice-file",
  async (input: { invoice: InvoiceRecord }, { container }) => {
    const { invoice } = await storeDocumentFile(container, input.invoice)
    return new StepResponse(invoice)
  }
)

/**
 * The same for several documents (the credit notes of a refund event), one
 * after another; no compensation, for the same reason.
 */
export const storeInvoiceFilesStep = createStep(
  "order-ops-store-invoice-files",
  async (input: { invoices: InvoiceRecord[] }, { container }) => {
    const out: InvoiceRecord[] = []
    for (const doc of input.invoices) {
      out.push((await storeDocumentFile(container, doc)).invoice)
    }
    return new StepResponse(out)
  }
)
