import type { MiddlewareRoute } from "@medusajs/framework/http"

/** Stripe signs the exact bytes it sent: keep them for verification. */
export const stripeHookMiddlewares: MiddlewareRoute[] = [
  { method: ["POST"], matcher: "/hooks/order-ops/stripe/disputes", bodyParser: { preserveRawBody: true } },
]
