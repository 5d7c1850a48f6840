import { validateAndTransformBody, validateAndTransformQuery, type MiddlewareRoute } from "@medusajs/framework/http"
import { AdminGetDisputeEvidenceParams, AdminUpdateDispute } from "../order-case/validators"

/** Disputes. Medusa already requires an admin for `/admin`. */
export const adminDisputeMiddlewares: MiddlewareRoute[] = [
  { method: ["POST"], matcher: "/admin/disputes/:id", middlewares: [validateAndTransformBody(AdminUpdateDispute)] },
  {
    method: ["GET"],
    matcher: "/admin/disputes/:id/evidence",
    middlewares: [validateAndTransformQuery(AdminGetDisputeEvidenceParams, {})],
  },
]
