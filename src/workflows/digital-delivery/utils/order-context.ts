import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"

/** The order facts deliveries need, in one query. */
export type DeliveryOrder = {
  id: string
  display_id: number | null
  email: string | null
  status: string
  customer_id: string | null
  items: {
    id: string
    title: string
    variant_id: string | null
    variant_sku: string | null
    quantity: number
    requires_shipping: boolean
    metadata: Record<string, unknown> | null
    delivered_quantity: number
    fulfilled_quantity: number
  }[]
}

const num = (v: unknown) => (typeof v === "number" ? v : Number((v as { numeric?: unknown })?.numeric ?? v ?? 0) || 0)

/** Loads an order for delivery work; null when it does not exist. */
export async function loadDeliveryOrder(container: MedusaContainer, orderId: string): Promise<DeliveryOrder | null> {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({
    entity: "order",
    fields: [
      "id",
      "display_id",
      "email",
      "status",
      "customer_id",
      "items.id",
      "items.title",
      "items.variant_id",
      "items.variant_sku",
      "items.quantity",
      "items.requires_shipping",
      "items.metadata",
      "items.detail.quantity",
      "items.detail.fulfilled_quantity",
      "items.detail.delivered_quantity",
    ],
    filters: { id: orderId },
  })
  type Row = Record<string, unknown> & {
    id: string
    display_id?: number | null
    email?: string | null
    status: string
    customer_id?: string | null
    items?: (Record<string, unknown> & { detail?: Record<string, unknown> | null })[]
  }
  const order = data[0] as unknown as Row | undefined
  if (!order) {
    return null
  }
  return {
    id: order.id,
    display_id: order.display_id ?? null,
    email: order.email ?? null,
    status: order.status,
    customer_id: order.customer_id ?? null,
    items: (order.items ?? []).map((item) => ({
      id: item.id as string,
      title: (item.title as string) ?? "Item",
      variant_id: (item.variant_id as string) ?? null,
      variant_sku: (item.variant_sku as string) ?? null,
      quantity: num(item.detail?.quantity ?? item.quantity),
      requires_shipping: item.requires_shipping !== false,
      metadata: (item.metadata as Record<string, unknown>) ?? null,
      delivered_quantity: num(item.detail?.delivered_quantity),
      fulfilled_quantity: num(item.detail?.fulfilled_quantity),
    })),
  }
}

/** Whether an order is a test order. */
export async function isTestOrder(container: MedusaContainer, orderId: string): Promise<boolean> {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({ entity: "test_order", fields: ["order_id"], filters: { order_id: orderId } })
  return data.length > 0
}
