import {
  validateAndTransformBody,
  validateAndTransformQuery,
  type MiddlewareRoute,
} from "@medusajs/framework/http"
import { AdminCreateOrderOpsExport, AdminGetOrderOpsExportsParams } from "./validators"

/** Order exports. Medusa already requires an authenticated admin for every `/admin` route. */
export const adminOrderOpsExportMiddlewares: MiddlewareRoute[] = [
  {
    method: ["POST"],
    matcher: "/admin/order-ops/exports",
    middlewares: [validateAndTransformBody(AdminCreateOrderOpsExport)],
  },
  {
    method: ["GET"],
    matcher: "/admin/order-ops/exports",
    middlewares: [validateAndTransformQuery(AdminGetOrderOpsExportsParams, {})],
  },
]
