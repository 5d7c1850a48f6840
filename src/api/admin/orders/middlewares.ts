import {
  validateAndTransformBody,
  validateAndTransformQuery,
  type MiddlewareRoute,
} from "@medusajs/framework/http"
import {
  AdminCreateOrderNote,
  AdminGetOrderNotesParams,
  AdminGetOrderTimelineParams,
  AdminSendOrderInvoice,
  AdminUpdateOrderNote,
} from "./validators"

/**
 * Admin routes under `/admin/orders/:id/...`. Medusa already requires an
 * authenticated admin for every `/admin` route.
 */
export const adminOrderOpsOrderMiddlewares: MiddlewareRoute[] = [
  {
    method: ["GET"],
    matcher: "/admin/orders/:id/notes",
    middlewares: [validateAndTransformQuery(AdminGetOrderNotesParams, {})],
  },
  {
    method: ["POST"],
    matcher: "/admin/orders/:id/notes",
    middlewares: [validateAndTransformBody(AdminCreateOrderNote)],
  },
  {
    method: ["POST"],
    matcher: "/admin/orders/:id/notes/:note_id",
    middlewares: [validateAndTransformBody(AdminUpdateOrderNote)],
  },
  {
    method: ["POST"],
    matcher: "/admin/orders/:id/invoice/send",
    middlewares: [validateAndTransformBody(AdminSendOrderInvoice)],
  },
  {
    method: ["GET"],
    matcher: "/admin/orders/:id/timeline",
    middlewares: [validateAndTransformQuery(AdminGetOrderTimelineParams, {})],
  },
]
