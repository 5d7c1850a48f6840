import type { z } from "@medusajs/framework/zod"
import { OrderSelectionParamsSchema } from "../../../../workflows/order-documents/utils/export-params"

/** `POST /admin/order-ops/packing-slips`: selected orders (`order_ids`) or all matching the list's `filters`. */
export const AdminCreatePackingSlipBatch = OrderSelectionParamsSchema
export type AdminCreatePackingSlipBatchType = z.infer<typeof AdminCreatePackingSlipBatch>
