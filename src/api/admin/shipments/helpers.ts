import { SHIPMENT_MODULE } from "../../../modules/shipment"
import type ShipmentModuleService from "../../../modules/shipment/service"
import type { ShippingLabelDTO } from "../../../types"
import { serializeLabel } from "../labels/helpers"
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import type { MedusaContainer } from "@medusajs/framework/types"
import {
  allowedShipmentTransitions,
  SHIPMENT_STATUS_LABELS,
  type ShippingPointValue,
} from "../../../modules/shipment/state-machine"
import type { AdminShipment, ShipmentDTO, ShipmentEventDTO } from "../../../types"
import { carrierName } from "../../../workflows/shipments/utils/carriers"

/** Shipment fields loaded for responses. */
export const SHIPMENT_FIELDS = [
  "id",
  "order_id",
  "fulfillment_id",
  "shipping_point",
  "source",
  "status",
  "carrier",
  "tracking_number",
  "tracking_url",
  "estimated_delivery_at",
  "notify_customer",
  "items",
  "shipped_at",
  "delivered_at",
  "canceled_at",
  "last_event_at",
  "created_at",
  "updated_at",
  "events.id",
  "events.status",
  "events.occurred_at",
  "events.source",
  "events.message",
  "events.location",
  "events.applied",
  "events.provider_event_id",
  "events.created_at",
]

const time = (value: Date | string) => new Date(value).getTime()

/**
 * The shipment as the admin API shows it: labels, the carrier's name, the
 * moves allowed from here (from the transitions table) and events newest first.
 */
export function serializeShipment(shipment: ShipmentDTO): AdminShipment {
  const events = [...(shipment.events ?? [])].sort(
    (a: ShipmentEventDTO, b: ShipmentEventDTO) =>
      time(b.occurred_at) - time(a.occurred_at) || time(b.created_at) - time(a.created_at)
  )
  return {
    ...shipment,
    status_label:
      shipment.status === "delivered" && shipment.shipping_point === "pickup"
        ? "Picked up"
        : SHIPMENT_STATUS_LABELS[shipment.status],
    carrier_name: carrierName(shipment.carrier),
    items: shipment.items ?? [],
    allowed_transitions: allowedShipmentTransitions(
      shipment.status,
      shipment.shipping_point as ShippingPointValue
    ),
    events: events.map((event) => ({ ...event, status_label: SHIPMENT_STATUS_LABELS[event.status] })),
  }
}

/**
 * Loads shipments in their API shape.
 */
export async function listShipments(scope: MedusaContainer, filters: Record<string, unknown>): Promise<AdminShipment[]> {
  const query = scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({
    entity: "shipment",
    fields: SHIPMENT_FIELDS,
    filters,
    pagination: { order: { created_at: "ASC" } },
  })
  const shipments = (data as unknown as ShipmentDTO[]).map(serializeShipment)
  if (!shipments.length) {
    return []
  }
  // A carrier shipment shows the label that paid for it.
  const labels = (await scope.resolve<ShipmentModuleService>(SHIPMENT_MODULE).listShippingLabels(
    { shipment_id: shipments.map((s) => s.id) },
    { order: { created_at: "DESC" } }
  )) as unknown as ShippingLabelDTO[]
  const byShipment = new Map<string, ShippingLabelDTO>()
  for (const label of labels) {
    if (label.shipment_id && !byShipment.has(label.shipment_id)) {
      byShipment.set(label.shipment_id, serializeLabel(label))
    }
  }
  return shipments.map((shipment) => ({ ...shipment, label: byShipment.get(shipment.id) ?? null }))
}

/**
 * One shipment in its API shape.
 *
 * @throws MedusaError NOT_FOUND
 */
export async function refetchShipment(scope: MedusaContainer, id: string): Promise<AdminShipment> {
  const [shipment] = await listShipments(scope, { id })
  if (!shipment) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, `Shipment with id: ${id} was not found`)
  }
  return shipment
}
