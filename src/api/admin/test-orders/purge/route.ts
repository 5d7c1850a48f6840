import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { TEST_ORDER_MODULE } from "../../../../modules/test-order"
import type TestOrderModuleService from "../../../../modules/test-order/service"
import { deleteTestOrdersWorkflow } from "../../../../workflows/test-orders/workflows/delete-test-orders"
import type { AdminPurgeTestOrdersResponse } from "../../../../types"

/** Deletes every test order: `{ deleted, order_ids }`. Real orders are never touched. */
export const POST = async (req: AuthenticatedMedusaRequest, res: MedusaResponse<AdminPurgeTestOrdersResponse>) => {
  const service: TestOrderModuleService = req.scope.resolve(TEST_ORDER_MODULE)
  const rows = await service.listTestOrders({}, { select: ["order_id"] })
  const orderIds = rows.map((row) => row.order_id)
  if (orderIds.length) {
    await deleteTestOrdersWorkflow(req.scope).run({ input: { order_ids: orderIds } })
  }
  res.json({ deleted: orderIds.length, order_ids: orderIds })
}
