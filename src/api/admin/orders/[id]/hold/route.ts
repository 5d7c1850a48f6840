import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { placeOrderHoldWorkflow } from "../../../../../workflows/order-case/workflows/place-order-hold"
import { loadOrderCase } from "../../../order-case/helpers"
import type { AdminPlaceOrderHoldType } from "../../../order-case/validators"

/** Puts the order on hold; answers the order's case. 409 when already held. */
export const POST = async (req: AuthenticatedMedusaRequest<AdminPlaceOrderHoldType>, res: MedusaResponse) => {
  await placeOrderHoldWorkflow(req.scope).run({
    input: {
      order_id: req.params.id,
      reason: req.validatedBody.reason,
      note: req.validatedBody.note,
      actor_id: req.auth_context.actor_id,
    },
  })
  res.status(201).json({ case: await loadOrderCase(req.scope, req.params.id) })
}
