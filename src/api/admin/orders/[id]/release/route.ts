import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { releaseOrderHoldWorkflow } from "../../../../../workflows/order-case/workflows/release-order-hold"
import { loadOrderCase } from "../../../order-case/helpers"
import type { AdminReleaseOrderHoldType } from "../../../order-case/validators"

/** Releases the order's hold; answers the order's case. 400 when not held. */
export const POST = async (req: AuthenticatedMedusaRequest<AdminReleaseOrderHoldType>, res: MedusaResponse) => {
  await releaseOrderHoldWorkflow(req.scope).run({
    input: { order_id: req.params.id, note: req.validatedBody.note, actor_id: req.auth_context.actor_id },
  })
  res.json({ case: await loadOrderCase(req.scope, req.params.id) })
}
