import { validateAndTransformBody, type MiddlewareRoute } from "@medusajs/framework/http"
import { AdminCreateLicensePool, AdminImportLicenseCodes, AdminUpdateLicensePool } from "../delivery-products/validators"

/** License pools and their codes. Medusa requires an admin for `/admin`. */
export const adminLicensePoolMiddlewares: MiddlewareRoute[] = [
  { method: ["POST"], matcher: "/admin/license-pools", middlewares: [validateAndTransformBody(AdminCreateLicensePool)] },
  { method: ["POST"], matcher: "/admin/license-pools/:id", middlewares: [validateAndTransformBody(AdminUpdateLicensePool)] },
  { method: ["POST"], matcher: "/admin/license-pools/:id/codes", middlewares: [validateAndTransformBody(AdminImportLicenseCodes)] },
]
