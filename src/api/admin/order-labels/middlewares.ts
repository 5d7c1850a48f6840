import { validateAndTransformBody, type MiddlewareRoute } from "@medusajs/framework/http"
import { AdminCreateOrderLabel, AdminUpdateOrderLabel } from "../order-case/validators"

/** The catalogue of order labels. Medusa already requires an admin for `/admin`. */
export const adminOrderLabelMiddlewares: MiddlewareRoute[] = [
  { method: ["POST"], matcher: "/admin/order-labels", middlewares: [validateAndTransformBody(AdminCreateOrderLabel)] },
  { method: ["POST"], matcher: "/admin/order-labels/:id", middlewares: [validateAndTransformBody(AdminUpdateOrderLabel)] },
]
