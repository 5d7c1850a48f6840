import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { DIGITAL_DELIVERY_MODULE } from "../../../../../modules/digital-delivery"
import type DigitalDeliveryModuleService from "../../../../../modules/digital-delivery/service"
import { DELIVERY_STATUS_LABELS } from "../../../../../modules/digital-delivery/state-machine"
import type { DeliveryStatus } from "../../../../../modules/digital-delivery/methods/types"
import { downloadPath } from "../../../../../workflows/digital-delivery/utils/delivery-runtime"
import type { DeliveryDTO } from "../../../../../workflows/digital-delivery/utils/types"

/**
 * The logged-in customer's digital items of their own order: per item the
 * status, download links (signed now, for the grants still valid) and
 * license codes. Anyone else's order is a 404.
 */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data: orders } = await query.graph({
    entity: "order",
    fields: ["id", "display_id"],
    filters: { id: req.params.id, customer_id: req.auth_context.actor_id },
  })
  if (!orders.length) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, `Order with id: ${req.params.id} was not found`)
  }
  const service = req.scope.resolve<DigitalDeliveryModuleService>(DIGITAL_DELIVERY_MODULE)
  const deliveries = (await service.listDeliveries({ order_id: req.params.id }, { order: { created_at: "ASC" } })) as unknown as DeliveryDTO[]
  const ids = deliveries.map((d) => d.id)
  const [codes, grants] = ids.length
    ? await Promise.all([
        service.listLicenseCodes({ delivery_id: ids, status: "assigned" }, { select: ["code", "delivery_id"] }),
        service.listDownloadGrants({ delivery_id: ids }),
      ])
    : [[], []]
  const now = Date.now()
  res.json({
    order: { id: orders[0].id, display_id: orders[0].display_id },
    deliveries: deliveries.map((d) => ({
      id: d.id,
      line_item_id: d.line_item_id,
      title: d.title,
      quantity: d.quantity,
      method: d.method,
      status: d.status,
      status_label: DELIVERY_STATUS_LABELS[d.status as DeliveryStatus],
      delivered_at: d.delivered_at,
      redemption_code: d.redemption_code,
      notes: d.notes,
      codes: d.status === "delivered" ? codes.filter((c) => c.delivery_id === d.id).map((c) => c.code) : [],
      downloads:
        d.status === "delivered"
          ? grants
              .filter((g) => g.delivery_id === d.id && !g.revoked_at && new Date(g.expires_at).getTime() > now && g.remaining_downloads > 0)
              .map((g) => ({
                filename: g.filename,
                url: downloadPath(service.signDownloadToken(g.id, new Date(g.expires_at))),
                expires_at: g.expires_at,
                remaining_downloads: g.remaining_downloads,
              }))
          : [],
    })),
  })
}
