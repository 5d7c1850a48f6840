import { validateAndTransformBody, type MiddlewareRoute } from "@medusajs/framework/http"
import {
  AdminBuyLabel,
  AdminCreateParcelTemplate,
  AdminGetRates,
  AdminUpdateParcelTemplate,
} from "./validators"

/** Label, rate and parcel template routes. Medusa already requires an admin for `/admin`. */
export const adminLabelMiddlewares: MiddlewareRoute[] = [
  { method: ["POST"], matcher: "/admin/orders/:id/rates", middlewares: [validateAndTransformBody(AdminGetRates)] },
  { method: ["POST"], matcher: "/admin/orders/:id/labels", middlewares: [validateAndTransformBody(AdminBuyLabel)] },
  { method: ["POST"], matcher: "/admin/parcel-templates", middlewares: [validateAndTransformBody(AdminCreateParcelTemplate)] },
  { method: ["POST"], matcher: "/admin/parcel-templates/:id", middlewares: [validateAndTransformBody(AdminUpdateParcelTemplate)] },
  // Carrier webhooks are verified against the exact bytes received.
  { method: ["POST"], matcher: "/hooks/carriers/:carrier", bodyParser: { preserveRawBody: true } },
]
