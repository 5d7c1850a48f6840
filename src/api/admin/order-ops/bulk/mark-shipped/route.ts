import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { queueBulkOrderAction } from "../helpers"
import type { AdminCreateBulkOrderActionType } from "../validators"

/**
 * *Mark as shipped*: queues a job that ships everything still unfulfilled of
 * each selected order in one manual shipment (all or nothing per order);
 * orders with nothing left are skipped, errors are listed per order.
 * 202 with the job; `GET /admin/order-ops/bulk/:id` follows it.
 */
export const POST = async (req: AuthenticatedMedusaRequest<AdminCreateBulkOrderActionType>, res: MedusaResponse) => {
  await queueBulkOrderAction(req, res, "mark_shipped")
}
