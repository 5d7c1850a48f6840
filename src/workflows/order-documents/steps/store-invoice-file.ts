import { Modules } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { ORDER_DOCUMENT_MODULE } from "../../../modules/order-document"
import type OrderDocumentModuleService from "../../../modules/order-document/service"
import type { InvoiceRecord } from "../../../modules/order-document/service"
import { renderInvoice, type InvoiceSnapshot } from "../pdf/invoice"

/**
 * Renders the invoice from its frozen snapshot and stores the PDF in the
 * file module, once: an invoice that already has its file keeps it.
 * Compensation deletes a file this step stored.
 */
export const storeInvoiceFileStep = createStep(
  "order-ops-store-invoice-file",
  async (input: { invoice: InvoiceRecord }, { container }) => {
    if (input.invoice.file_key) {
      return new StepResponse(input.invoice, null)
    }
    const service = container.resolve<OrderDocumentModuleService>(ORDER_DOCUMENT_MODULE)
    const files = container.resolve(Modules.FILE)
    const pdf = await renderInvoice(input.invoice.snapshot as unknown as InvoiceSnapshot)
    const file = await files.createFiles({
      filename: `${input.invoice.display_number}.pdf`,
      mimeType: "application/pdf",
      content: pdf.toString("base64"),
      access: "private",
    })
    if (!(await service.recordInvoiceFile(input.invoice.id, file.id))) {
      // Another request stored it first: keep theirs.
      await files.deleteFiles(file.id)
      const [current] = await service.listInvoices({ id: input.invoice.id })
      return new StepResponse({ ...input.invoice, file_key: (current as unknown as InvoiceRecord).file_key }, null)
    }
    return new StepResponse({ ...input.invoice, file_key: file.id }, file.id)
  },
  async (fileKey, { container }) => {
    if (fileKey) {
      await container.resolve(Modules.FILE).deleteFiles(fileKey)
    }
  }
)
