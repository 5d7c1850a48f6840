import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { retryDeliveryNowWorkflow } from "../../../../../workflows/digital-delivery/workflows/manual-delivery-actions"

/** "Retry now". */
export const POST = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const { result } = await retryDeliveryNowWorkflow(req.scope).run({
    input: { delivery_id: req.params.id, actor_id: req.auth_context.actor_id },
  })
  res.json({ delivery: result })
}
