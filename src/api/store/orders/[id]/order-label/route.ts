import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { ORDER_CASE_MODULE } from "../../../../../modules/order-case"
import type OrderCaseModuleService from "../../../../../modules/order-case/service"

/**
 * The merchant's label on the logged-in customer's own order ("Waiting for
 * stock"), when the label is customer-visible; null otherwise. Holds and
 * disputes are never shown. Anyone else's order is a 404.
 */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data: orders } = await query.graph({
    entity: "order",
    fields: ["id"],
    filters: { id: req.params.id, customer_id: req.auth_context.actor_id },
  })
  if (!orders.length) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, `Order with id: ${req.params.id} was not found`)
  }
  const service = req.scope.resolve<OrderCaseModuleService>(ORDER_CASE_MODULE)
  const [assignment] = await service.listOrderLabelAssignments({ order_id: req.params.id }, { take: 1 })
  const [label] = assignment ? await service.listOrderLabels({ id: assignment.label_id }, { take: 1 }) : []
  res.json({
    order_label:
      label?.customer_visible && assignment
        ? { name: label.name, reference: assignment.reference, set_at: assignment.set_at }
        : null,
  })
}
