import { validateAndTransformBody, type MiddlewareRoute } from "@medusajs/framework/http"
import { AdminCreateParcelTemplate, AdminUpdateParcelTemplate } from "../labels/validators"

/** Parcel templates. Medusa already requires an admin for `/admin`. */
export const adminParcelTemplateMiddlewares: MiddlewareRoute[] = [
  { method: ["POST"], matcher: "/admin/parcel-templates", middlewares: [validateAndTransformBody(AdminCreateParcelTemplate)] },
  { method: ["POST"], matcher: "/admin/parcel-templates/:id", middlewares: [validateAndTransformBody(AdminUpdateParcelTemplate)] },
]
