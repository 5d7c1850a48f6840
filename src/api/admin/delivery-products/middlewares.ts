import { authenticate, validateAndTransformBody, type MiddlewareRoute } from "@medusajs/framework/http"
import {
  AdminCompleteDigitalOrder,
  AdminCreateDeliveryProduct,
  AdminCreateLicensePool,
  AdminImportLicenseCodes,
  AdminMarkDelivered,
  AdminUpdateDeliveryProduct,
  AdminUpdateLicensePool,
} from "./validators"

/** Digital delivery routes. Medusa requires an admin for `/admin`; store deliveries need the customer. */
export const digitalDeliveryMiddlewares: MiddlewareRoute[] = [
  { method: ["POST"], matcher: "/admin/delivery-products", middlewares: [validateAndTransformBody(AdminCreateDeliveryProduct)] },
  { method: ["POST"], matcher: "/admin/delivery-products/:id", middlewares: [validateAndTransformBody(AdminUpdateDeliveryProduct)] },
  { method: ["POST"], matcher: "/admin/license-pools", middlewares: [validateAndTransformBody(AdminCreateLicensePool)] },
  { method: ["POST"], matcher: "/admin/license-pools/:id", middlewares: [validateAndTransformBody(AdminUpdateLicensePool)] },
  { method: ["POST"], matcher: "/admin/license-pools/:id/codes", middlewares: [validateAndTransformBody(AdminImportLicenseCodes)] },
  { method: ["POST"], matcher: "/admin/deliveries/:id/mark-delivered", middlewares: [validateAndTransformBody(AdminMarkDelivered)] },
  { method: ["POST"], matcher: "/admin/orders/:id/deliveries/complete", middlewares: [validateAndTransformBody(AdminCompleteDigitalOrder)] },
  { method: ["GET"], matcher: "/store/orders/:id/deliveries", middlewares: [authenticate("customer", ["session", "bearer"])] },
]
