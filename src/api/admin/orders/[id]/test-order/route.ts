import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import type { AdminOrderTestOrderResponse } from "../../../../../types"

/**
 * An order's test flag: `{ test_order }`, null for a real order.
 *
 * @throws MedusaError NOT_FOUND for an unknown order.
 */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse<AdminOrderTestOrderResponse>) => {
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data: orders } = await query.graph({
    entity: "order",
    fields: ["id", "display_id"],
    filters: { id: req.params.id },
  })
  if (!orders[0]) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, `Order with id: ${req.params.id} was not found`)
  }
  const { data: rows } = await query.graph({
    entity: "test_order",
    fields: ["*"],
    filters: { order_id: req.params.id },
  })
  res.json({
    test_order: (rows[0] ? { ...rows[0], display_id: orders[0].display_id } : null) as unknown as AdminOrderTestOrderResponse["test_order"],
  })
}
