import { validateAndTransformBody, type MiddlewareRoute } from "@medusajs/framework/http"
import { AdminSaveNotificationSettings } from "./validators"

/** Settings → Notifications. Medusa already requires an admin for `/admin`. */
export const adminNotificationSettingsMiddlewares: MiddlewareRoute[] = [
  { method: ["POST"], matcher: "/admin/order-ops/settings/notifications", middlewares: [validateAndTransformBody(AdminSaveNotificationSettings)] },
]
