import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { ORDER_DOCUMENT_MODULE } from "../../../../../modules/order-document"
import type OrderDocumentModuleService from "../../../../../modules/order-document/service"
import type { AdminOrderInvoiceResponse } from "../../../../../types/order-document"
import { issueInvoiceWorkflow } from "../../../../../workflows/order-documents/workflows/issue-invoice"
import { toAdminInvoice } from "./helpers"

/** Issues the order's invoice (or returns the one it has), with its credit notes. */
export const POST = async (req: AuthenticatedMedusaRequest, res: MedusaResponse<AdminOrderInvoiceResponse>) => {
  const { result } = await issueInvoiceWorkflow(req.scope).run({ input: { order_id: req.params.id } })
  const creditNotes = await req.scope.resolve<OrderDocumentModuleService>(ORDER_DOCUMENT_MODULE).listOrderCreditNotes(req.params.id)
  res.json({ invoice: toAdminInvoice(result), credit_notes: creditNotes.map(toAdminInvoice) })
}

/** The order's invoice and its credit notes; 404 when no invoice was issued. */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse<AdminOrderInvoiceResponse>) => {
  const service = req.scope.resolve<OrderDocumentModuleService>(ORDER_DOCUMENT_MODULE)
  const invoice = await service.findOrderInvoice(req.params.id)
  if (!invoice) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, `Order ${req.params.id} has no invoice`)
  }
  res.json({ invoice: toAdminInvoice(invoice), credit_notes: (await service.listOrderCreditNotes(req.params.id)).map(toAdminInvoice) })
}
