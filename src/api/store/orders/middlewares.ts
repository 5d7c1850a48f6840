import { authenticate, type MiddlewareRoute } from "@medusajs/framework/http"

/** Store routes under `/store/orders/:id/...`: the logged-in customer only. */
export const storeOrderOpsOrderMiddlewares: MiddlewareRoute[] = [
  {
    method: ["GET"],
    matcher: "/store/orders/:id/notes",
    middlewares: [authenticate("customer", ["session", "bearer"])],
  },
  {
    method: ["GET"],
    matcher: "/store/orders/:id/tracking",
    middlewares: [authenticate("customer", ["session", "bearer"])],
  },
  {
    method: ["GET"],
    matcher: "/store/orders/:id/deliveries",
    middlewares: [authenticate("customer", ["session", "bearer"])],
  },
  {
    method: ["GET"],
    matcher: "/store/orders/:id/order-label",
    middlewares: [authenticate("customer", ["session", "bearer"])],
  },
]
