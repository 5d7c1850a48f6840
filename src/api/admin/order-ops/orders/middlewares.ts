import { validateAndTransformQuery, type MiddlewareRoute } from "@medusajs/framework/http"
import { AdminGetOrderOpsOrdersParams } from "./validators"

/**
 * The Order operations list and an order's persisted statuses. Medusa
 * already requires an authenticated admin for every `/admin` route.
 */
export const adminOrderOpsListMiddlewares: MiddlewareRoute[] = [
  {
    method: ["GET"],
    matcher: "/admin/order-ops/orders",
    middlewares: [validateAndTransformQuery(AdminGetOrderOpsOrdersParams, {})],
  },
]
