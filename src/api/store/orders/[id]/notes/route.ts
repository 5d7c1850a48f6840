import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"

/**
 * Notes the merchant made visible to the customer, for the logged-in
 * customer's own order. Internal notes never appear here; any other
 * customer's order is a 404, as if it did not exist.
 */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data: orders } = await query.graph({
    entity: "order",
    fields: ["id", "customer_id"],
    filters: { id: req.params.id, customer_id: req.auth_context.actor_id },
  })
  if (!orders.length) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, `Order with id: ${req.params.id} was not found`)
  }
  const { data: notes } = await query.graph({
    entity: "order_note",
    fields: ["id", "body", "created_at", "updated_at"],
    filters: { order_id: req.params.id, visible_to_customer: true },
    pagination: { order: { created_at: "DESC" } },
  })
  res.json({ notes, count: notes.length })
}
