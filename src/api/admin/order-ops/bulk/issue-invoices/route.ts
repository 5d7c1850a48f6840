import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { queueBulkOrderAction } from "../helpers"
import type { AdminCreateBulkOrderActionType } from "../validators"

/**
 * *Issue invoices*: queues a job that issues each selected order's invoice
 * (an order that has one keeps it), in the list's order, so new invoices get
 * consecutive numbers. 202 with the job; `GET /admin/order-ops/bulk/:id`
 * follows it and lists every order's outcome.
 */
export const POST = async (req: AuthenticatedMedusaRequest<AdminCreateBulkOrderActionType>, res: MedusaResponse) => {
  await queueBulkOrderAction(req, res, "issue_invoices")
}
