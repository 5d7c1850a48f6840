import type { MiddlewareRoute } from "@medusajs/framework/http"

/** Carrier webhooks are verified against the exact bytes received. */
export const carrierHookMiddlewares: MiddlewareRoute[] = [
  { method: ["POST"], matcher: "/hooks/carriers/:carrier", bodyParser: { preserveRawBody: true } },
]
