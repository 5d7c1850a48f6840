/** Exports as the admin API returns them: the server's own types. */
import type {
  AdminDocumentSettings,
  AdminOrderExport,
  AdminOrderInvoice,
  AdminOrderInvoiceResponse,
  BulkOrderActionResult,
  BulkOrderOutcome,
} from "../../types/order-document"

export type { AdminDocumentSettings, AdminOrderExport, AdminOrderInvoice, AdminOrderInvoiceResponse, BulkOrderActionResult, BulkOrderOutcome }

export type AdminOrderExportResponse = { export: AdminOrderExport }

/** One column of the export catalogue. */
export type AdminOrderExportColumn = { key: string; header: string; group: string; line_item: boolean }

export type AdminOrderExportsResponse = {
  exports: AdminOrderExport[]
  columns: AdminOrderExportColumn[]
  count: number
  limit: number
  offset: number
}

/** The body of `POST /admin/order-ops/exports`. */
export type AdminCreateOrderExportBody = {
  format: "csv" | "xlsx"
  shape?: "order" | "line_item"
  columns?: string[]
  include_test_orders?: boolean
  order_ids?: string[]
  /** The Order operations list's query parameters, as its URL has them. */
  filters?: Record<string, string | string[]>
}

/** A bulk packing-slip job (same shape as an export, `kind: "packing_slips"`). */
export type AdminPackingSlipBatchResponse = { job: AdminOrderExport }
