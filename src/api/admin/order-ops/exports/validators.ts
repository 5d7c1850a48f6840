import { z } from "@medusajs/framework/zod"
import { pageParams } from "../../../utils/page-params"
import { ExportParamsSchema } from "../../../../workflows/order-documents/utils/export-params"

/** `POST /admin/order-ops/exports` */
export const AdminCreateOrderOpsExport = ExportParamsSchema
export type AdminCreateOrderOpsExportType = z.infer<typeof AdminCreateOrderOpsExport>

/** `GET /admin/order-ops/exports` */
export const AdminGetOrderOpsExportsParams = z
  .object({
    ...pageParams(10, 100),
  })
  .strict()
export type AdminGetOrderOpsExportsParamsType = z.infer<typeof AdminGetOrderOpsExportsParams>
