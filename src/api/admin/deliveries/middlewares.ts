import { validateAndTransformBody, type MiddlewareRoute } from "@medusajs/framework/http"
import { AdminMarkDelivered } from "../delivery-products/validators"

/** Deliveries. Medusa requires an admin for `/admin`. */
export const adminDeliveryMiddlewares: MiddlewareRoute[] = [
  { method: ["POST"], matcher: "/admin/deliveries/:id/mark-delivered", middlewares: [validateAndTransformBody(AdminMarkDelivered)] },
]
