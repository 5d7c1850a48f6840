import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { DIGITAL_DELIVERY_MODULE } from "../../../../../modules/digital-delivery"
import type DigitalDeliveryModuleService from "../../../../../modules/digital-delivery/service"
import { listOrderDeliveries } from "../../../delivery-products/helpers"
import type { AdminOrderDeliveriesResponse } from "../../../../../types"

/**
 * The order's digital deliveries: status, attempt log, codes, download links'
 * state; with the order's status and whether it completes itself once
 * everything is delivered (so the admin knows to watch for it).
 */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse<AdminOrderDeliveriesResponse>) => {
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({ entity: "order", fields: ["id", "status"], filters: { id: req.params.id } })
  if (!data.length) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, `Order with id: ${req.params.id} was not found`)
  }
  const deliveries = await listOrderDeliveries(req.scope, req.params.id)
  const { auto_complete } = req.scope.resolve<DigitalDeliveryModuleService>(DIGITAL_DELIVERY_MODULE).getOptions().digital_delivery
  res.json({ deliveries, order_status: data[0].status, auto_complete })
}
