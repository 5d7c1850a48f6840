import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { deleteTestOrdersWorkflow } from "../../../../workflows/test-orders/workflows/delete-test-orders"
import type { AdminDeleteTestOrderResponse } from "../../../../types"

/**
 * Deletes a test order (`:id` is the ORDER id) and everything linked to it.
 * A real order: 400, nothing touched; an unknown id: 404.
 */
export const DELETE = async (req: AuthenticatedMedusaRequest, res: MedusaResponse<AdminDeleteTestOrderResponse>) => {
  await deleteTestOrdersWorkflow(req.scope).run({ input: { order_ids: [req.params.id] } })
  res.json({ id: req.params.id, object: "test_order", deleted: true })
}
