import { MedusaError } from "@medusajs/framework/utils"
import type { ShippingPointValue } from "../../../modules/shipment/state-machine"

/** An order item with how much of it can still be fulfilled. */
export type FulfillableItem = {
  line_item_id: string
  title: string
  quantity: number
  fulfillable_quantity: number
}

/** The request to check. */
export type ShipmentRequest = {
  items: { line_item_id: string; quantity: number }[]
  shipping_point: ShippingPointValue
  tracking_number?: string | null
}

/**
 * Checks a manual shipment request against the order.
 *
 * @throws MedusaError NOT_ALLOWED for a canceled order.
 * @throws MedusaError INVALID_DATA naming the field: an unknown item, a
 *   repeated item, more than the unfulfilled quantity, or International
 *   without a tracking number.
 */
export function throwIfInvalidShipmentRequest(
  order: { id: string; status: string; canceled_at?: Date | string | null },
  fulfillable: FulfillableItem[],
  request: ShipmentRequest
): void {
  if (order.status === "canceled" || order.canceled_at) {
    throw new MedusaError(
      MedusaError.Types.NOT_ALLOWED,
      `Order ${order.id} is canceled; it cannot be shipped`
    )
  }
  if (!request.items.length) {
    throw new MedusaError(MedusaError.Types.INVALID_DATA, "items: choose at least one item")
  }
  const byId = new Map(fulfillable.map((item) => [item.line_item_id, item]))
  const seen = new Set<string>()
  request.items.forEach((wanted, index) => {
    const item = byId.get(wanted.line_item_id)
    if (!item) {
      throw new MedusaError(
        MedusaError.Types.INVALID_DATA,
        `items[${index}].line_item_id: ${wanted.line_item_id} is not an item of order ${order.id}`
      )
    }
    if (seen.has(wanted.line_item_id)) {
      throw new MedusaError(
        MedusaError.Types.INVALID_DATA,
        `items[${index}].line_item_id: ${wanted.line_item_id} is listed twice`
      )
    }
    seen.add(wanted.line_item_id)
    if (wanted.quantity > item.fulfillable_quantity) {
      throw new MedusaError(
        MedusaError.Types.INVALID_DATA,
        `items[${index}].quantity: ${wanted.quantity} × "${item.title}" is more than the ${item.fulfillable_quantity} left to fulfill`
      )
    }
  })
  if (request.shipping_point === "international" && !request.tracking_number?.trim()) {
    throw new MedusaError(
      MedusaError.Types.INVALID_DATA,
      "tracking_number: an international shipment needs a tracking number"
    )
  }
}

/** Big numbers from query arrive as numbers, strings or `{ numeric }`. */
export function toNumber(value: unknown): number {
  if (typeof value === "number") return value
  if (typeof value === "string") return Number(value) || 0
  if (value && typeof value === "object" && "numeric" in value) {
    return toNumber((value as { numeric: unknown }).numeric)
  }
  return 0
}

/** What is left to fulfill of each item of an order, from core's item detail. */
export function fulfillableItems(
  items: {
    id: string
    title?: string | null
    quantity?: unknown
    detail?: { quantity?: unknown; fulfilled_quantity?: unknown } | null
  }[]
): FulfillableItem[] {
  return items.map((item) => {
    const quantity = toNumber(item.detail?.quantity ?? item.quantity)
    const fulfilled = toNumber(item.detail?.fulfilled_quantity)
    return {
      line_item_id: item.id,
      title: item.title ?? "Item",
      quantity,
      fulfillable_quantity: Math.max(0, quantity - fulfilled),
    }
  })
}
