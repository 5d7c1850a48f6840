import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { listOrderDeliveries } from "../../../delivery-products/helpers"

/** The order's digital deliveries: status, attempt log, codes, download links' state. */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({ entity: "order", fields: ["id", "status"], filters: { id: req.params.id } })
  if (!data.length) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, `Order with id: ${req.params.id} was not found`)
  }
  const deliveries = await listOrderDeliveries(req.scope, req.params.id)
  res.json({ deliveries, order_status: data[0].status })
}
