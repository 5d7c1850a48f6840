import { validateAndTransformBody, type MiddlewareRoute } from "@medusajs/framework/http"
import { AdminCreateShipment, AdminCreateShipmentEvent, AdminUpdateShipment } from "./validators"

/** Shipment routes. Medusa already requires an admin for every `/admin` route. */
export const adminShipmentMiddlewares: MiddlewareRoute[] = [
  {
    method: ["POST"],
    matcher: "/admin/orders/:id/shipments",
    middlewares: [validateAndTransformBody(AdminCreateShipment)],
  },
  {
    method: ["POST"],
    matcher: "/admin/shipments/:id",
    middlewares: [validateAndTransformBody(AdminUpdateShipment)],
  },
  {
    method: ["POST"],
    matcher: "/admin/shipments/:id/events",
    middlewares: [validateAndTransformBody(AdminCreateShipmentEvent)],
  },
]
