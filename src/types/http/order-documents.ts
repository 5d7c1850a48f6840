import type { AdminOrderExport } from "../order-document"

/** `POST /admin/order-ops/exports`, `GET /admin/order-ops/exports/:id` */
export type AdminOrderExportResponse = { export: AdminOrderExport }

/** One column of the export catalogue, as the export drawer offers it. */
export type AdminOrderExportColumn = { key: string; header: string; group: string; line_item: boolean }

/** `GET /admin/order-ops/exports`: recent exports and the column catalogue. */
export type AdminOrderExportsResponse = {
  exports: AdminOrderExport[]
  columns: AdminOrderExportColumn[]
  count: number
  limit: number
  offset: number
}

/** `POST /admin/order-ops/packing-slips`: a bulk packing-slip job (an export's shape, `kind: "packing_slips"`). */
export type AdminPackingSlipBatchResponse = { job: AdminOrderExport }
