/** Types shared by the demo seed's steps, and the context the order scenarios run in. */
import type { MedusaContainer } from "@medusajs/framework/types"
import type { DemoAddress } from "./customers"

export type DeliveryKey = "standard" | "express" | "pickup" | "digital" | "return"

export type Logger = { info(message: string): void; warn(message: string): void }

export type SeedContext = {
  container: MedusaContainer
  logger: Logger
  regionId: string
  salesChannelId: string
  locationId: string
  options: Record<DeliveryKey, string>
  variants: Map<string, { id: string; digital: boolean }>
  customers: Map<string, { id: string; address: DemoAddress }>
  returnReasons: Map<string, string>
  refundReasonId: string | undefined
  adminUserId: string | null
  /** Our shipment for each physical fulfillment the seed created. */
  shipments: Map<string, string>
}

export type OrderLine = { sku: string; quantity: number; metadata?: Record<string, unknown> }

type PlacedItem = { id: string; sku: string; quantity: number; digital: boolean }

export type PlacedOrder = {
  id: string
  display_id: number
  email: string
  delivery: Exclude<DeliveryKey, "digital" | "return">
  items: PlacedItem[]
  payment_id: string
}

/** Loose shape of a linked record in a Query result. */
export type MaybeRecord = { id?: string | null } | null | undefined

/** The ids of the records in a Query relation, skipping empty entries. */
export function idsOf(list: ReadonlyArray<MaybeRecord> | null | undefined): string[] {
  return (list ?? []).flatMap((entry) => (entry?.id ? [entry.id] : []))
}
