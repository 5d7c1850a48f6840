import { validateAndTransformBody, validateAndTransformQuery, type MiddlewareRoute } from "@medusajs/framework/http"
import {
  AdminCreateWebhookEndpoint,
  AdminListWebhookDeliveries,
  AdminReplayWebhookDeliveries,
  AdminUpdateWebhookEndpoint,
} from "./validators"

/** Outgoing webhook routes. Medusa already requires an admin for `/admin`. */
export const adminWebhookMiddlewares: MiddlewareRoute[] = [
  { method: ["POST"], matcher: "/admin/order-ops/webhooks", middlewares: [validateAndTransformBody(AdminCreateWebhookEndpoint)] },
  { method: ["POST"], matcher: "/admin/order-ops/webhooks/:id", middlewares: [validateAndTransformBody(AdminUpdateWebhookEndpoint)] },
  { method: ["POST"], matcher: "/admin/order-ops/webhooks/:id/replay", middlewares: [validateAndTransformBody(AdminReplayWebhookDeliveries)] },
  {
    method: ["GET"],
    matcher: "/admin/order-ops/webhooks/:id/deliveries",
    middlewares: [validateAndTransformQuery(AdminListWebhookDeliveries, {})],
  },
]
