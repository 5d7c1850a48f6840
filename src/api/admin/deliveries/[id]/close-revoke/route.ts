import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { closeOwedRevokeWorkflow } from "../../../../../workflows/digital-delivery/workflows/manual-delivery-actions"
import type { AdminDeliveryResponse } from "../../../../../types"

/** A person closes an owed revoke that keeps failing (or whose outcome is unknown) at the outside service. */
export const POST = async (req: AuthenticatedMedusaRequest, res: MedusaResponse<AdminDeliveryResponse>) => {
  const { result } = await closeOwedRevokeWorkflow(req.scope).run({
    input: { delivery_id: req.params.id, actor_id: req.auth_context.actor_id },
  })
  res.json({ delivery: result })
}
