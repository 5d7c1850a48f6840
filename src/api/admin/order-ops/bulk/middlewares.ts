import { validateAndTransformBody, type MiddlewareRoute } from "@medusajs/framework/http"
import { AdminCreateBulkOrderAction } from "./validators"

/** Bulk order actions. Medusa already requires an authenticated admin for every `/admin` route. */
export const adminBulkOrderActionMiddlewares: MiddlewareRoute[] = [
  { method: ["POST"], matcher: "/admin/order-ops/bulk/issue-invoices", middlewares: [validateAndTransformBody(AdminCreateBulkOrderAction)] },
  { method: ["POST"], matcher: "/admin/order-ops/bulk/mark-shipped", middlewares: [validateAndTransformBody(AdminCreateBulkOrderAction)] },
]
