/** Exports, invoices and bulk actions as the admin API returns them: the server's own types (type imports only). */
import type { z } from "@medusajs/framework/zod"
import type { AdminCreateOrderOpsExport } from "../../api/admin/order-ops/exports/validators"

export type {
  AdminDocumentSettings,
  AdminOrderExport,
  AdminOrderExportColumn,
  AdminOrderExportResponse,
  AdminOrderExportsResponse,
  AdminOrderInvoice,
  AdminOrderInvoiceResponse,
  AdminPackingSlipBatchResponse,
  BulkOrderActionResult,
  BulkOrderOutcome,
} from "../../types"

/** The body of `POST /admin/order-ops/exports`. */
export type AdminCreateOrderExportBody = z.input<typeof AdminCreateOrderOpsExport>
