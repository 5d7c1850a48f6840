import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { ORDER_DOCUMENT_MODULE } from "../../../modules/order-document"
import type OrderDocumentModuleService from "../../../modules/order-document/service"
import type { InvoiceSnapshot } from "../pdf/invoice"

/** One credit note to issue: the refund, the invoice it credits, what it shows. */
export type CreditNoteRequest = {
  order_id: string
  refund_id: string
  series: "live" | "test"
  credits_invoice_id: string
  snapshot: InvoiceSnapshot
}

type RefundRow = { id: string; amount: unknown; note: string | null; created_at: string | Date; refund_reason?: { label: string } | null }
type PaymentRow = { id: string; currency_code: string; payment_collection?: { order?: { id: string } | null } | null; refunds?: (RefundRow | null)[] }

/**
 * Decides which credit notes a refunded payment needs: one per refund of
 * the payment that has none yet, when the payment's order has an issued
 * invoice (an order without an invoice has nothing to credit). Each is
 * frozen from the invoice's own snapshot (seller, bill-to, order, series)
 * plus the refund: amount, currency, reason. Read-only.
 */
export const buildCreditNoteSnapshotsStep = createStep(
  "order-ops-build-credit-note-snapshots",
  async (input: { payment_id: string; issued_at: Date | string }, { container }) => {
    const { data } = await container.resolve(ContainerRegistrationKeys.QUERY).graph({
      entity: "payment",
      fields: [
        "id",
        "currency_code",
        "payment_collection.order.id",
        "refunds.id",
        "refunds.amount",
        "refunds.note",
        "refunds.created_at",
        "refunds.refund_reason.label",
      ],
      filters: { id: input.payment_id },
    })
    const payment = (data as PaymentRow[])[0]
    const orderId = payment?.payment_collection?.order?.id
    if (!payment || !orderId) {
      return new StepResponse([] as CreditNoteRequest[])
    }
    const documents = container.resolve<OrderDocumentModuleService>(ORDER_DOCUMENT_MODULE)
    const invoice = await documents.findOrderInvoice(orderId)
    if (!invoice) {
      return new StepResponse([] as CreditNoteRequest[])
    }
    const credited = new Set((await documents.listOrderCreditNotes(orderId)).map((c) => c.refund_id))
    const base = invoice.snapshot as unknown as InvoiceSnapshot
    const refunds = (payment.refunds ?? [])
      .filter((r): r is RefundRow => !!r && !credited.has(r.id))
      .sort((a, b) => new Date(a.created_at).getTime() - new Date(b.created_at).getTime() || a.id.localeCompare(b.id))
    const requests = refunds.map((refund): CreditNoteRequest => {
      const amount = Number(refund.amount ?? 0)
      const reason = refund.refund_reason?.label ?? refund.note ?? null
      return {
        order_id: orderId,
        refund_id: refund.id,
        series: invoice.series,
        credits_invoice_id: invoice.id,
        snapshot: {
          title: "Credit note",
          test: base.test,
          issued_at: new Date(input.issued_at).toISOString(),
          seller: base.seller,
          order: base.order,
          bill_to: base.bill_to,
          currency_code: payment.currency_code ?? base.currency_code,
          items: [
            {
              title: `Refund${reason ? ` — ${reason}` : ""}`,
              sku: null,
              quantity: 1,
              unit_price: amount,
              tax: "",
              total: amount,
            },
          ],
          totals: { subtotal: amount, shipping_total: 0, discount_total: 0, tax_total: 0, total: amount },
          payment_status: "refunded",
          credits: invoice.display_number,
          credit: { refund_id: refund.id, amount, reason },
        },
      }
    })
    return new StepResponse(requests)
  }
)
