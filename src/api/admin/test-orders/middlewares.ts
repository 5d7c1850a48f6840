import {
  validateAndTransformBody,
  validateAndTransformQuery,
  type MiddlewareRoute,
} from "@medusajs/framework/http"
import { AdminListTestOrders, AdminPlaceTestOrder } from "./validators"

/** Test order routes. Medusa already requires an admin for every `/admin` route. */
export const adminTestOrderMiddlewares: MiddlewareRoute[] = [
  {
    method: ["POST"],
    matcher: "/admin/test-orders",
    middlewares: [validateAndTransformBody(AdminPlaceTestOrder)],
  },
  {
    method: ["GET"],
    matcher: "/admin/test-orders",
    middlewares: [validateAndTransformQuery(AdminListTestOrders, { defaults: [], isList: false })],
  },
]
