import { validateAndTransformBody, type MiddlewareRoute } from "@medusajs/framework/http"
import { AdminCompleteDigitalOrder, AdminCreateDeliveryProduct, AdminUpdateDeliveryProduct } from "./validators"

/** Delivery products and completing an order's digital items. Medusa requires an admin for `/admin`. */
export const adminDeliveryProductMiddlewares: MiddlewareRoute[] = [
  { method: ["POST"], matcher: "/admin/delivery-products", middlewares: [validateAndTransformBody(AdminCreateDeliveryProduct)] },
  { method: ["POST"], matcher: "/admin/delivery-products/:id", middlewares: [validateAndTransformBody(AdminUpdateDeliveryProduct)] },
  { method: ["POST"], matcher: "/admin/orders/:id/deliveries/complete", middlewares: [validateAndTransformBody(AdminCompleteDigitalOrder)] },
]
