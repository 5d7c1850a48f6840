import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { SHIPMENT_MODULE } from "../../../modules/shipment"
import type ShipmentModuleService from "../../../modules/shipment/service"
import type { ShipmentStatusValue, ShippingPointValue } from "../../../modules/shipment/state-machine"
import type { ShipmentDTO, ShipmentItem } from "../../../types"

export type CreateShipmentStepInput = {
  order_id: string
  fulfillment_id: string | null
  shipping_point: ShippingPointValue
  source: "manual" | "carrier"
  status: ShipmentStatusValue
  carrier: string | null
  tracking_number: string | null
  tracking_url: string | null
  estimated_delivery_at: Date | null
  notify_customer: boolean
  items: ShipmentItem[]
  actor_id: string | null
  /** The first event's message; "Marked as shipped" / "Shipment created" by default. */
  message?: string | null
}

export const createShipmentStepId = "order-ops-create-shipment"

/**
 * Creates a shipment and its first event (its starting status). Compensation
 * deletes both.
 */
export const createShipmentStep = createStep(
  createShipmentStepId,
  async (input: CreateShipmentStepInput, { container }) => {
    const service: ShipmentModuleService = container.resolve(SHIPMENT_MODULE)
    const now = new Date()
    const { actor_id, items, message, ...data } = input
    const shipment = (await service.createShipments({
      ...data,
      // A JSON column typed as an object by the DML; it stores the item list.
      items: items as unknown as Record<string, unknown>,
      last_event_at: now,
      shipped_at: input.status === "shipped" ? now : null,
      delivered_at: input.status === "delivered" ? now : null,
    })) as unknown as ShipmentDTO
    await service.createShipmentEvents({
      shipment_id: shipment.id,
      status: input.status,
      occurred_at: now,
      source: input.source === "carrier" ? "system" : "manual",
      actor_id,
      message: message ?? (input.status === "shipped" ? "Marked as shipped" : "Shipment created"),
      applied: true,
    })
    return new StepResponse(shipment, shipment.id)
  },
  async (id, { container }) => {
    if (!id) {
      return
    }
    const service: ShipmentModuleService = container.resolve(SHIPMENT_MODULE)
    await service.deleteShipments([id])
  }
)
