import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { getOrderTimelineWorkflow } from "../../../../../workflows/timeline/workflows/get-order-timeline"
import type { AdminGetOrderTimelineParamsType } from "../../validators"
import type { AdminOrderTimelineResponse } from "../../../../../types"

/**
 * The order's merged timeline: Medusa's own history and this plugin's
 * activity, newest first, paginated.
 */
export const GET = async (
  req: AuthenticatedMedusaRequest<unknown, AdminGetOrderTimelineParamsType>,
  res: MedusaResponse<AdminOrderTimelineResponse>
) => {
  const { limit, offset, kind } = req.validatedQuery
  const { result } = await getOrderTimelineWorkflow(req.scope).run({
    input: { order_id: req.params.id, limit, offset, kinds: kind },
  })
  res.json(result)
}
