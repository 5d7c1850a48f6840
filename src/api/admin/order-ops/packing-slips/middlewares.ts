import { validateAndTransformBody, type MiddlewareRoute } from "@medusajs/framework/http"
import { AdminCreatePackingSlipBatch } from "./validators"

/** Bulk packing slips. Medusa already requires an authenticated admin for every `/admin` route. */
export const adminPackingSlipBatchMiddlewares: MiddlewareRoute[] = [
  {
    method: ["POST"],
    matcher: "/admin/order-ops/packing-slips",
    middlewares: [validateAndTransformBody(AdminCreatePackingSlipBatch)],
  },
]
