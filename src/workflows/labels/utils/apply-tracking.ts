import type { MedusaContainer } from "@medusajs/framework/types"
import { SHIPMENT_MODULE } from "../../../modules/shipment"
import type ShipmentModuleService from "../../../modules/shipment/service"
import type { CarrierTrackingUpdate } from "../../../modules/shipment/carriers/types"
import type { ShipmentDTO } from "../../../types"
import { recordShipmentEventWorkflow } from "../../shipments/workflows/record-shipment-event"

/** What applying one tracking update did. */
export type ApplyTrackingResult = {
  /** Shipments with this tracking number (0: unknown number, ignored). */
  matched: number
  /** Events that moved a shipment. */
  applied: number
  /** Orders whose shipments moved (their statuses need recomputing when `refresh` was false). */
  order_ids: string[]
}

/**
 * Feeds a carrier's tracking update into the shipment ingestion workflow,
 * oldest event first, for every carrier shipment with its tracking number.
 * Duplicates, late and illegal events are recorded there and never move a
 * shipment backwards; events with no equivalent state are skipped.
 */
export async function applyTrackingUpdate(
  container: MedusaContainer,
  update: CarrierTrackingUpdate,
  /** `refresh: false` leaves the order statuses to the caller, once per batch. */
  options: { refresh?: boolean } = {}
): Promise<ApplyTrackingResult> {
  const service = container.resolve<ShipmentModuleService>(SHIPMENT_MODULE)
  const shipments = (await service.listShipments({
    tracking_number: update.tracking_number,
    source: "carrier",
  })) as unknown as ShipmentDTO[]
  const events = update.events
    .filter((e) => e.status && e.status !== "awaiting_shipment")
    .sort((a, b) => new Date(a.occurred_at).getTime() - new Date(b.occurred_at).getTime())
  let applied = 0
  const orderIds = new Set<string>()
  for (const shipment of shipments) {
    for (const event of events) {
      const { result } = await recordShipmentEventWorkflow(container).run({
        input: {
          shipment_id: shipment.id,
          status: event.status!,
          occurred_at: new Date(event.occurred_at),
          source: "carrier",
          provider_event_id: event.provider_event_id,
          message: event.message,
          location: event.location,
          strict: false,
          data: { carrier_status: event.carrier_status },
          refresh_order_status: options.refresh ?? true,
        },
      })
      if ((result as { applied?: boolean }).applied) {
        applied++
        orderIds.add(shipment.order_id)
      }
    }
  }
  return { matched: shipments.length, applied, order_ids: [...orderIds] }
}
