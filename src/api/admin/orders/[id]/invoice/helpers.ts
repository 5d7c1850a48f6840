import type { InvoiceRecord } from "../../../../../modules/order-document/service"
import type { AdminOrderInvoice } from "../../../../../types/order-document"

/** An invoice or credit note as the admin sees it: no snapshot, the link to its stored PDF. */
export function toAdminInvoice(i: InvoiceRecord): AdminOrderInvoice {
  const snapshot = i.snapshot as { currency_code?: string; credit?: { amount?: number } | null }
  return {
    id: i.id,
    order_id: i.order_id,
    kind: i.kind,
    series: i.series,
    number: i.number,
    display_number: i.display_number,
    issued_at: i.issued_at,
    refund_id: i.refund_id,
    amount: i.kind === "credit_note" ? Number(snapshot.credit?.amount ?? 0) : null,
    currency_code: snapshot.currency_code ?? null,
    file_url: `/admin/order-ops/invoices/${i.id}/file`,
  }
}
