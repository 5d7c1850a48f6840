import type { MedusaNextFunction, MedusaRequest, MedusaResponse, MiddlewareRoute } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { recordCheckoutContextWorkflow } from "../../../workflows/order-case/workflows/record-checkout-context"
import { requestClient } from "../../../utils/request-client"

/**
 * Notes who completes a cart (IP address and user agent) for a dispute's
 * evidence. The workflow starts once the response has been sent, so the
 * checkout is never slowed down or failed by it; a failure is logged.
 */
export function recordCheckoutClient(req: MedusaRequest, res: MedusaResponse, next: MedusaNextFunction) {
  const cartId = String(req.params.id ?? "")
  const client = requestClient(req)
  const recordedAt = new Date()
  const scope = req.scope
  res.once("finish", () => {
    if (!cartId) {
      return
    }
    recordCheckoutContextWorkflow(scope)
      .run({ input: { cart_id: cartId, ip: client.ip, user_agent: client.user_agent, recorded_at: recordedAt } })
      .catch((error: Error) => {
        scope.resolve(ContainerRegistrationKeys.LOGGER).warn(`medusa-order-ops: could not record the checkout client of cart ${cartId}: ${error.message}`)
      })
  })
  next()
}

/** The store's cart completion, watched for dispute evidence. */
export const storeCartMiddlewares: MiddlewareRoute[] = [
  { method: ["POST"], matcher: "/store/carts/:id/complete", middlewares: [recordCheckoutClient] },
]
