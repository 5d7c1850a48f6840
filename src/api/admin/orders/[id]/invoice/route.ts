import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { ORDER_DOCUMENT_MODULE } from "../../../../../modules/order-document"
import type OrderDocumentModuleService from "../../../../../modules/order-document/service"
import type { InvoiceRecord } from "../../../../../modules/order-document/service"
import { issueInvoiceWorkflow } from "../../../../../workflows/order-documents/workflows/issue-invoice"

const toAdminInvoice = (i: InvoiceRecord) => ({
  id: i.id,
  order_id: i.order_id,
  kind: i.kind,
  series: i.series,
  number: i.number,
  display_number: i.display_number,
  issued_at: i.issued_at,
  file_url: `/admin/order-ops/invoices/${i.id}/file`,
})

/** Issues the order's invoice (or returns the one it has). */
export const POST = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const { result } = await issueInvoiceWorkflow(req.scope).run({ input: { order_id: req.params.id } })
  res.json({ invoice: toAdminInvoice(result) })
}

/** The order's invoice; 404 when none was issued. */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const invoice = await req.scope.resolve<OrderDocumentModuleService>(ORDER_DOCUMENT_MODULE).findOrderInvoice(req.params.id)
  if (!invoice) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, `Order ${req.params.id} has no invoice`)
  }
  res.json({ invoice: toAdminInvoice(invoice) })
}
