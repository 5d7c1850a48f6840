import { validateAndTransformBody, type MiddlewareRoute } from "@medusajs/framework/http"
import { AdminCreateLabelBatch } from "./validators"

/** Label batches. Medusa already requires an authenticated admin for every `/admin` route. */
export const adminLabelBatchMiddlewares: MiddlewareRoute[] = [
  { method: ["POST"], matcher: "/admin/order-ops/label-batches", middlewares: [validateAndTransformBody(AdminCreateLabelBatch)] },
]
