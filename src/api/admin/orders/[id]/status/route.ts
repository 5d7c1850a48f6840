import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { ORDER_STATUS_MODULE } from "../../../../../modules/order-status"
import type OrderStatusModuleService from "../../../../../modules/order-status/service"
import type { AdminOrderStatusResponse, OrderStatusDTO } from "../../../../../types"
import { refreshOrderStatusWorkflow } from "../../../../../workflows/order-status/workflows/refresh-order-status"

/**
 * An order's persisted statuses: `{ order_status }`. When the order has no
 * row yet (placed before the plugin was installed and not backfilled), it is
 * computed and stored now.
 *
 * @throws MedusaError NOT_FOUND for an unknown (or draft) order.
 */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse<AdminOrderStatusResponse>) => {
  const service: OrderStatusModuleService = req.scope.resolve(ORDER_STATUS_MODULE)
  const [existing] = (await service.listOrderStatusRows(
    { order_id: req.params.id },
    { take: 1 }
  )) as unknown as OrderStatusDTO[]
  if (existing) {
    res.json({ order_status: existing })
    return
  }
  const { result } = await refreshOrderStatusWorkflow(req.scope).run({
    input: { order_ids: [req.params.id] },
  })
  const [computed] = result.order_statuses
  if (!computed) {
    throw new MedusaError(
      MedusaError.Types.NOT_FOUND,
      `Order with id: ${req.params.id} was not found`
    )
  }
  res.json({ order_status: computed })
}
