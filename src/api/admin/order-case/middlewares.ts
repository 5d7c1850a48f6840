import { authenticate, validateAndTransformBody, validateAndTransformQuery, type MiddlewareRoute } from "@medusajs/framework/http"
import { AdminGetOrderExceptionsParams } from "../order-ops/exceptions/validators"
import {
  AdminCreateDispute,
  AdminCreateOrderLabel,
  AdminGetDisputeEvidenceParams,
  AdminUpdateDispute,
  AdminPlaceOrderHold,
  AdminReleaseOrderHold,
  AdminSetOrderLabel,
  AdminUpdateOrderLabel,
} from "./validators"

/** Holds, order labels and (later) disputes: admin routes, plus the store's view of a label. */
export const orderCaseMiddlewares: MiddlewareRoute[] = [
  { method: ["POST"], matcher: "/admin/orders/:id/hold", middlewares: [validateAndTransformBody(AdminPlaceOrderHold)] },
  { method: ["POST"], matcher: "/admin/orders/:id/release", middlewares: [validateAndTransformBody(AdminReleaseOrderHold)] },
  { method: ["POST"], matcher: "/admin/orders/:id/order-label", middlewares: [validateAndTransformBody(AdminSetOrderLabel)] },
  { method: ["POST"], matcher: "/admin/order-labels", middlewares: [validateAndTransformBody(AdminCreateOrderLabel)] },
  { method: ["POST"], matcher: "/admin/order-labels/:id", middlewares: [validateAndTransformBody(AdminUpdateOrderLabel)] },
  { method: ["POST"], matcher: "/admin/orders/:id/disputes", middlewares: [validateAndTransformBody(AdminCreateDispute)] },
  { method: ["POST"], matcher: "/admin/disputes/:id", middlewares: [validateAndTransformBody(AdminUpdateDispute)] },
  {
    method: ["GET"],
    matcher: "/admin/disputes/:id/evidence",
    middlewares: [validateAndTransformQuery(AdminGetDisputeEvidenceParams, {})],
  },
  {
    method: ["GET"],
    matcher: "/admin/order-ops/exceptions",
    middlewares: [validateAndTransformQuery(AdminGetOrderExceptionsParams, {})],
  },
  // Stripe signs the exact bytes it sent: keep them for verification.
  { method: ["POST"], matcher: "/hooks/order-ops/stripe/disputes", bodyParser: { preserveRawBody: true } },
  {
    method: ["GET"],
    matcher: "/store/orders/:id/order-label",
    middlewares: [authenticate("customer", ["session", "bearer"])],
  },
]
