import type { MedusaContainer } from "@medusajs/framework/types"
import { Modules } from "@medusajs/framework/utils"
import { ORDER_DOCUMENT_MODULE } from "../../../modules/order-document"
import type OrderDocumentModuleService from "../../../modules/order-document/service"
import type { InvoiceRecord } from "../../../modules/order-document/service"
import { renderInvoice, type InvoiceSnapshot } from "../pdf/invoice"

/**
 * Renders an invoice or credit note from its frozen snapshot and stores the
 * PDF in the file module, once: a document that already has its file keeps
 * it, and when another request stored it first, ours is deleted and theirs
 * kept. Returns the document with its file and the key this call stored
 * (null when it stored nothing).
 */
export async function storeDocumentFile(
  container: MedusaContainer,
  invoice: InvoiceRecord
): Promise<{ invoice: InvoiceRecord; stored: string | null }> {
  if (invoice.file_key) {
    return { invoice, stored: null }
  }
  const service = container.resolve<OrderDocumentModuleService>(ORDER_DOCUMENT_MODULE)
  const files = container.resolve(Modules.FILE)
  const pdf = await renderInvoice(invoice.snapshot as unknown as InvoiceSnapshot)
  const file = await files.createFiles({
    filename: `${invoice.display_number}.pdf`,
    mimeType: "application/pdf",
    content: pdf.toString("base64"),
    access: "private",
  })
  if (!(await service.recordInvoiceFile(invoice.id, file.id))) {
    await files.deleteFiles(file.id)
    const [current] = (await service.listInvoices({ id: invoice.id })) as unknown as InvoiceRecord[]
    return { invoice: { ...invoice, file_key: current.file_key }, stored: null }
  }
  return { invoice: { ...invoice, file_key: file.id }, stored: file.id }
}
