import { validateAndTransformBody, validateAndTransformQuery, type MiddlewareRoute } from "@medusajs/framework/http"
import { AdminCreateLabelBatch, AdminGetLabelBatchesParams } from "./validators"

/** Label batches. Medusa already requires an authenticated admin for every `/admin` route. */
export const adminLabelBatchMiddlewares: MiddlewareRoute[] = [
  { method: ["GET"], matcher: "/admin/order-ops/label-batches", middlewares: [validateAndTransformQuery(AdminGetLabelBatchesParams, {})] },
  { method: ["POST"], matcher: "/admin/order-ops/label-batches", middlewares: [validateAndTransformBody(AdminCreateLabelBatch)] },
]
