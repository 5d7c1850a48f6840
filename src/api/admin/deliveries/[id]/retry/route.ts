import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { retryDeliveryNowWorkflow } from "../../../../../workflows/digital-delivery/workflows/manual-delivery-actions"
import type { AdminDeliveryResponse } from "../../../../../types"

/** "Retry now". */
export const POST = async (req: AuthenticatedMedusaRequest, res: MedusaResponse<AdminDeliveryResponse>) => {
  const { result } = await retryDeliveryNowWorkflow(req.scope).run({
    input: { delivery_id: req.params.id, actor_id: req.auth_context.actor_id },
  })
  res.json({ delivery: result })
}
