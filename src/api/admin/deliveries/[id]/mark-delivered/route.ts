import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { markDeliveryDeliveredWorkflow } from "../../../../../workflows/digital-delivery/workflows/manual-delivery-actions"
import type { AdminDeliveryResponse } from "../../../../../types"
import type { AdminMarkDeliveredType } from "../../../delivery-products/validators"

/** "Mark as delivered", with an optional redemption code and notes. */
export const POST = async (req: AuthenticatedMedusaRequest<AdminMarkDeliveredType>, res: MedusaResponse<AdminDeliveryResponse>) => {
  const { result } = await markDeliveryDeliveredWorkflow(req.scope).run({
    input: { delivery_id: req.params.id, ...req.validatedBody, actor_id: req.auth_context.actor_id },
  })
  res.json({ delivery: result })
}
