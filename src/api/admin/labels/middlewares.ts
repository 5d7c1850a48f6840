import { validateAndTransformBody, type MiddlewareRoute } from "@medusajs/framework/http"
import { AdminBuyLabel, AdminGetRates } from "./validators"

/** An order's rates and label purchase. Medusa already requires an admin for `/admin`. */
export const adminLabelMiddlewares: MiddlewareRoute[] = [
  { method: ["POST"], matcher: "/admin/orders/:id/rates", middlewares: [validateAndTransformBody(AdminGetRates)] },
  { method: ["POST"], matcher: "/admin/orders/:id/labels", middlewares: [validateAndTransformBody(AdminBuyLabel)] },
]
