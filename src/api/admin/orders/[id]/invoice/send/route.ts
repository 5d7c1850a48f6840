import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import type { AdminOrderInvoice } from "../../../../../../types/order-document"
import { sendInvoiceToCustomerWorkflow } from "../../../../../../workflows/order-documents/workflows/send-invoice-to-customer"
import type { AdminSendOrderInvoiceType } from "../../../validators"
import { toAdminInvoice } from "../helpers"

/**
 * *Send to customer*: issues the invoice if the order has none yet and
 * emails it (template of Settings → Notifications, "Invoice issued"), every
 * time it is asked; the same `idempotency_key` sends once.
 */
export const POST = async (
  req: AuthenticatedMedusaRequest<AdminSendOrderInvoiceType>,
  res: MedusaResponse<{ invoice: AdminOrderInvoice; sent: boolean; notification_id: string | null }>
) => {
  const { result } = await sendInvoiceToCustomerWorkflow(req.scope).run({
    input: {
      order_id: req.params.id,
      trigger: "manual",
      idempotency_key: req.validatedBody?.idempotency_key ?? null,
      actor_id: req.auth_context?.actor_id ?? null,
    },
  })
  res.json({ invoice: toAdminInvoice(result.invoice), sent: result.sent, notification_id: result.notification_id })
}
