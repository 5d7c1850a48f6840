import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { createManualShipmentWorkflow } from "../../../../../workflows/shipments/workflows/create-manual-shipment"
import { KNOWN_CARRIERS } from "../../../../../workflows/shipments/utils/carriers"
import { fulfillableItems } from "../../../../../workflows/shipments/utils/validate-shipment-request"
import { listShipments, refetchShipment } from "../../../shipments/helpers"
import { listOrderLabels } from "../../../labels/helpers"
import type { AdminCreateShipmentType } from "../../../shipments/validators"
import type { AdminOrderShipmentsResponse, AdminShipmentResponse } from "../../../../../types"

/**
 * The order's shipments with their events, its persisted statuses, what is
 * left to fulfil, and the carriers whose tracking links are built for you.
 */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse<AdminOrderShipmentsResponse>) => {
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const orderId = req.params.id
  const [{ data: orders }, shipments, { data: statuses }, labels] = await Promise.all([
    query.graph({
      entity: "order",
      fields: [
        "id",
        "items.id",
        "items.title",
        "items.variant_title",
        "items.variant_sku",
        "items.thumbnail",
        "items.quantity",
        "items.detail.quantity",
        "items.detail.fulfilled_quantity",
      ],
      filters: { id: orderId },
    }),
    listShipments(req.scope, { order_id: orderId }),
    query.graph({ entity: "order_status", fields: ["*"], filters: { order_id: orderId } }),
    listOrderLabels(req.scope, orderId),
  ])
  const order = orders[0]
  if (!order) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, `Order with id: ${orderId} was not found`)
  }
  type Item = { id: string; title: string; variant_title?: string | null; variant_sku?: string | null; thumbnail?: string | null }
  const items = (order.items ?? []) as unknown as Item[]
  const left = new Map(fulfillableItems(items).map((i) => [i.line_item_id, i]))
  res.json({
    shipments,
    labels,
    order_status: (statuses[0] ?? null) as unknown as AdminOrderShipmentsResponse["order_status"],
    fulfillable_items: items.map((item) => ({
      line_item_id: item.id,
      title: item.title,
      variant_title: item.variant_title ?? null,
      sku: item.variant_sku ?? null,
      thumbnail: item.thumbnail ?? null,
      quantity: left.get(item.id)?.quantity ?? 0,
      fulfillable_quantity: left.get(item.id)?.fulfillable_quantity ?? 0,
    })),
    carriers: KNOWN_CARRIERS.map(({ code, name }) => ({ code, name })),
  })
}

/** Ships chosen items by hand (or readies them for pickup). */
export const POST = async (
  req: AuthenticatedMedusaRequest<AdminCreateShipmentType>,
  res: MedusaResponse<AdminShipmentResponse>
) => {
  const { result } = await createManualShipmentWorkflow(req.scope).run({
    input: {
      order_id: req.params.id,
      ...req.validatedBody,
      actor_id: req.auth_context.actor_id,
    },
  })
  res.status(201).json({ shipment: await refetchShipment(req.scope, result.id) })
}
