import type { z } from "@medusajs/framework/zod"
import { OrderSelectionParamsSchema } from "../../../../workflows/order-documents/utils/export-params"

/**
 * `POST /admin/order-ops/bulk/issue-invoices` and `…/mark-shipped`: selected
 * orders (`order_ids`) or all matching the list's `filters`, as for packing slips.
 */
export const AdminCreateBulkOrderAction = OrderSelectionParamsSchema
export type AdminCreateBulkOrderActionType = z.infer<typeof AdminCreateBulkOrderAction>
