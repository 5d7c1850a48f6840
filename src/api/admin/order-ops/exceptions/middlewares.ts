import { validateAndTransformQuery, type MiddlewareRoute } from "@medusajs/framework/http"
import { AdminGetOrderExceptionsParams } from "./validators"

/** The exceptions queue. Medusa already requires an admin for `/admin`. */
export const adminOrderExceptionMiddlewares: MiddlewareRoute[] = [
  {
    method: ["GET"],
    matcher: "/admin/order-ops/exceptions",
    middlewares: [validateAndTransformQuery(AdminGetOrderExceptionsParams, {})],
  },
]
