import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { SHIPMENT_MODULE } from "../../../modules/shipment"
import type ShipmentModuleService from "../../../modules/shipment/service"
import type { MedusaContainer } from "@medusajs/framework/types"
import type { ShipmentDTO } from "../../../types"
import type { PackingSlipData, SlipAddress } from "../pdf/packing-slip"
import { loadDocumentSeller, logoDataUrl } from "../utils/document-seller"

/** One slip to print: a whole order, or one of its shipments. */
export type PackingSlipRequest = { order_id?: string; shipment_id?: string }

type GraphItem = {
  id: string
  title?: string | null
  product_title?: string | null
  variant_title?: string | null
  variant_sku?: string | null
  quantity?: unknown
  detail?: { quantity?: unknown } | null
}
type GraphOrder = {
  id: string
  display_id: number
  created_at: Date | string
  email: string | null
  metadata?: Record<string, unknown> | null
  shipping_address?: SlipAddress
  items?: GraphItem[] | null
}

/** Units ordered: the item's quantity, which Medusa keeps on the item's detail row. */
export const itemQuantity = (item: { quantity?: unknown; detail?: { quantity?: unknown } | null }): number => {
  const raw = item.quantity ?? item.detail?.quantity
  const n = Number(typeof raw === "object" && raw !== null && "value" in raw ? (raw as { value: unknown }).value : raw)
  return Number.isFinite(n) && n > 0 ? n : Number(item.detail?.quantity ?? 0)
}

/** The customer's note, where checkouts commonly keep it in the order's metadata. */
const customerNote = (metadata: GraphOrder["metadata"]): string | null => {
  const note = metadata?.customer_note ?? metadata?.note
  return typeof note === "string" && note.trim() ? note.trim() : null
}

/**
 * Reads what packing slips show, for whole orders or single shipments (only
 * that shipment's items and quantities): one Query call for the orders, one
 * read of the shipments, the seller of Settings → Documents (name, address, logo). Read-only.
 *
 * @throws MedusaError NOT_FOUND for an unknown order or shipment.
 */
export async function loadPackingSlipData(container: MedusaContainer, input: { slips: PackingSlipRequest[] }): Promise<PackingSlipData[]> {
  const shipmentIds = input.slips.flatMap((s) => (s.shipment_id ? [s.shipment_id] : []))
  const shipments = shipmentIds.length
    ? ((await container.resolve<ShipmentModuleService>(SHIPMENT_MODULE).listShipments({ id: shipmentIds })) as unknown as ShipmentDTO[])
    : []
  const shipmentById = new Map(shipments.map((s) => [s.id, s]))
  for (const id of shipmentIds) {
    if (!shipmentById.has(id)) {
      throw new MedusaError(MedusaError.Types.NOT_FOUND, `Shipment ${id} was not found`)
    }
  }
  const orderIds = [...new Set(input.slips.map((s) => (s.shipment_id ? shipmentById.get(s.shipment_id)!.order_id : s.order_id!)))]
  const { data } = await container.resolve(ContainerRegistrationKeys.QUERY).graph({
    entity: "order",
    fields: [
      "id",
      "display_id",
      "created_at",
      "email",
      "metadata",
      "shipping_address.*",
      "items.id",
      "items.title",
      "items.product_title",
      "items.variant_title",
      "items.variant_sku",
      "items.quantity",
    "items.detail.quantity",
    ],
    filters: { id: orderIds },
  })
  const orderById = new Map((data as unknown as GraphOrder[]).map((o) => [o.id, o]))
  const seller = await loadDocumentSeller(container)

  const slips: PackingSlipData[] = input.slips.map((request) => {
    const shipment = request.shipment_id ? shipmentById.get(request.shipment_id)! : null
    const orderId = shipment ? shipment.order_id : request.order_id!
    const order = orderById.get(orderId)
    if (!order) {
      throw new MedusaError(MedusaError.Types.NOT_FOUND, `Order ${orderId} was not found`)
    }
    const items = order.items ?? []
    const itemRow = (item: GraphItem, quantity: number) => ({
      title: (item.product_title ?? item.title ?? "Item") as string,
      variant: item.variant_title ?? null,
      sku: item.variant_sku ?? null,
      quantity,
    })
    return {
      store: { name: seller.name, address: seller.address.join("\n") || null, logo: seller.logo ? logoDataUrl(seller.logo) : null },
      order: { display_id: order.display_id, created_at: order.created_at, email: order.email, note: customerNote(order.metadata) },
      ship_to: order.shipping_address ?? null,
      items: shipment
        ? (shipment.items ?? []).flatMap((si) => {
            const item = items.find((i) => i.id === si.line_item_id)
            return item ? [itemRow(item, si.quantity)] : [{ title: si.title, variant: null, sku: null, quantity: si.quantity }]
          })
        : items.map((item) => itemRow(item, itemQuantity(item))),
      shipment: shipment ? { id: shipment.id, carrier: shipment.carrier ?? null, tracking_number: shipment.tracking_number ?? null } : null,
    }
  })
  return slips
}

/** The step form of {@link loadPackingSlipData}. Read-only. */
export const loadPackingSlipDataStep = createStep(
  "order-ops-load-packing-slip-data",
  async (input: { slips: PackingSlipRequest[] }, { container }) => new StepResponse(await loadPackingSlipData(container, input))
)
