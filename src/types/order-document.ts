import type { DocumentJobStatusValue } from "../modules/order-document/state-machine"

export type { DocumentJobStatusValue }

/** One background document job (an export, bulk packing slips…). */
export type DocumentJobDTO = {
  id: string
  /** The handler: `export`. */
  kind: string
  status: DocumentJobStatusValue
  params: Record<string, unknown>
  progress_done: number
  progress_total: number | null
  attempts: number
  lease_token: number
  locked_until: Date | null
  file_key: string | null
  file_name: string | null
  mime_type: string | null
  /** A bulk order action's outcome per order. */
  result: BulkOrderActionResult | null
  error: string | null
  created_by: string | null
  started_at: Date | null
  finished_at: Date | null
  created_at: Date
  updated_at: Date
}

/** One order's outcome in a bulk order action. */
export type BulkOrderOutcome = {
  order_id: string
  display_id: number | null
  /** `done`: issued or shipped; `skipped`: nothing to do (e.g. already fully shipped); `failed`: nothing changed. */
  status: "done" | "skipped" | "failed"
  /** The invoice number, the shipment id, or why it was skipped or failed. */
  message: string | null
}

/** A bulk order action's outcome: counts, and every order that was skipped or failed. */
export type BulkOrderActionResult = {
  done: number
  skipped: number
  failed: number
  /** Skipped and failed orders (done ones only counted), at most 1,000. */
  orders: BulkOrderOutcome[]
}

/** An export as `/admin/order-ops/exports` returns it. */
export type AdminOrderExport = {
  id: string
  /** `export`, or `packing_slips` for a bulk packing-slip PDF (which has no format or shape). */
  kind: string
  status: DocumentJobStatusValue
  format: "csv" | "xlsx"
  shape: "order" | "line_item"
  /** What was asked for: format, shape, columns, include_test_orders, order_ids, filters (the list's query). */
  params: {
    format: "csv" | "xlsx"
    shape: "order" | "line_item"
    columns?: string[]
    include_test_orders: boolean
    order_ids?: string[]
    filters: Record<string, string | string[]>
  }
  /** Orders written so far. */
  progress_done: number
  /** Orders in all, once the worker counted them. */
  progress_total: number | null
  file_name: string | null
  /** `/admin/order-ops/exports/:id/file` once completed. */
  download_url: string | null
  /** A bulk order action's outcome (issue invoices, mark as shipped), once it has one. */
  result: BulkOrderActionResult | null
  error: string | null
  created_by: string | null
  created_at: Date | string
  started_at: Date | string | null
  finished_at: Date | string | null
}

/** An issued invoice or credit note as the admin API returns it. */
export type AdminOrderInvoice = {
  id: string
  order_id: string
  kind: "invoice" | "credit_note"
  series: "live" | "test"
  number: number
  display_number: string
  issued_at: Date | string
  /** A credit note's refund. */
  refund_id: string | null
  /** A credit note's amount credited (from its snapshot); null for an invoice. */
  amount: number | null
  currency_code: string | null
  /** `/admin/order-ops/invoices/:id/file`: the stored PDF. */
  file_url: string
}

/** `GET /admin/orders/:id/invoice`: the invoice and its credit notes, oldest first. */
export type AdminOrderInvoiceResponse = { invoice: AdminOrderInvoice; credit_notes: AdminOrderInvoice[] }

/** Settings → Documents as `/admin/order-ops/settings/documents` returns it. */
export type AdminDocumentSettings = {
  /** The seller's name on documents; `store_default_name` when null. */
  store_name: string | null
  store_default_name: string | null
  address: string | null
  tax_ids: string[]
  logo_file_id: string | null
  logo_url: string | null
  invoice_prefix: string
  /** The number the next live invoice gets; only moves forward. */
  next_invoice_number: number
}
