import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError, Modules } from "@medusajs/framework/utils"
import { pipeline } from "node:stream/promises"
import { ORDER_DOCUMENT_MODULE } from "../../../../../../modules/order-document"
import type OrderDocumentModuleService from "../../../../../../modules/order-document/service"
import type { InvoiceRecord } from "../../../../../../modules/order-document/service"

/** The stored PDF of an issued invoice: the same bytes every time. */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const [invoice] = (await req.scope
    .resolve<OrderDocumentModuleService>(ORDER_DOCUMENT_MODULE)
    .listInvoices({ id: req.params.id }, { take: 1 })) as unknown as InvoiceRecord[]
  if (!invoice) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, `Invoice ${req.params.id} was not found`)
  }
  if (!invoice.file_key) {
    throw new MedusaError(MedusaError.Types.CONFLICT, `Invoice ${invoice.display_number} is still being stored`)
  }
  const stream = await req.scope.resolve(Modules.FILE).getDownloadStream(invoice.file_key)
  res.setHeader("Content-Type", "application/pdf")
  res.setHeader("Content-Disposition", `inline; filename="${invoice.display_number}.pdf"`)
  await pipeline(stream, res)
}
