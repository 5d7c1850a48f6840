import { validateAndTransformBody, type MiddlewareRoute } from "@medusajs/framework/http"
import { AdminSaveDocumentSettings } from "./validators"

/** Settings → Documents. Medusa already requires an admin for `/admin`. */
export const adminDocumentSettingsMiddlewares: MiddlewareRoute[] = [
  { method: ["POST"], matcher: "/admin/order-ops/settings/documents", middlewares: [validateAndTransformBody(AdminSaveDocumentSettings)] },
]
