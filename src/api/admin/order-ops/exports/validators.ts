import { z } from "@medusajs/framework/zod"
import { ExportParamsSchema } from "../../../../workflows/order-documents/utils/export-params"

/** `POST /admin/order-ops/exports` */
export const AdminCreateOrderOpsExport = ExportParamsSchema
export type AdminCreateOrderOpsExportType = z.infer<typeof AdminCreateOrderOpsExport>

/** `GET /admin/order-ops/exports` */
export const AdminGetOrderOpsExportsParams = z
  .object({
    limit: z.coerce
      .number({ error: "limit must be a number" })
      .int({ error: "limit must be a whole number" })
      .min(1, { error: "limit must be at least 1" })
      .max(100, { error: "limit can be at most 100" })
      .default(10),
    offset: z.coerce
      .number({ error: "offset must be a number" })
      .int({ error: "offset must be a whole number" })
      .min(0, { error: "offset must be at least 0" })
      .default(0),
  })
  .strict()
export type AdminGetOrderOpsExportsParamsType = z.infer<typeof AdminGetOrderOpsExportsParams>
