import { validateAndTransformBody, type MiddlewareRoute } from "@medusajs/framework/http"
import { AdminCreateDispute, AdminPlaceOrderHold, AdminReleaseOrderHold, AdminSetOrderLabel } from "./validators"

/** An order's case: its hold, its label and its disputes. Medusa already requires an admin for `/admin`. */
export const orderCaseMiddlewares: MiddlewareRoute[] = [
  { method: ["POST"], matcher: "/admin/orders/:id/hold", middlewares: [validateAndTransformBody(AdminPlaceOrderHold)] },
  { method: ["POST"], matcher: "/admin/orders/:id/release", middlewares: [validateAndTransformBody(AdminReleaseOrderHold)] },
  { method: ["POST"], matcher: "/admin/orders/:id/order-label", middlewares: [validateAndTransformBody(AdminSetOrderLabel)] },
  { method: ["POST"], matcher: "/admin/orders/:id/disputes", middlewares: [validateAndTransformBody(AdminCreateDispute)] },
]
