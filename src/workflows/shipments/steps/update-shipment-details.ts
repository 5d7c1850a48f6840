import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { SHIPMENT_MODULE } from "../../../modules/shipment"
import type ShipmentModuleService from "../../../modules/shipment/service"
import type { ShipmentDTO } from "../../../types"

/** Details of a manual shipment a merchant may edit. */
export type ShipmentDetails = {
  carrier?: string | null
  tracking_number?: string | null
  tracking_url?: string | null
  estimated_delivery_at?: Date | null
  notify_customer?: boolean
}

export const updateShipmentDetailsStepId = "order-ops-update-shipment-details"

const FIELDS = ["carrier", "tracking_number", "tracking_url", "estimated_delivery_at", "notify_customer"] as const

/** Dates compare by instant (the database hands back strings or Dates). */
function sameValue(next: unknown, current: unknown): boolean {
  if (next instanceof Date || current instanceof Date) {
    const time = (v: unknown) => (v ? new Date(v as string).getTime() : null)
    return time(next) === time(current)
  }
  return next === current
}

/**
 * Updates a manual shipment's carrier, tracking, ETA and notify flag.
 * Compensation puts the previous values back.
 *
 * @throws MedusaError NOT_ALLOWED for a carrier-bought shipment.
 */
export const updateShipmentDetailsStep = createStep(
  updateShipmentDetailsStepId,
  async (input: { id: string; details: ShipmentDetails }, { container }) => {
    const service: ShipmentModuleService = container.resolve(SHIPMENT_MODULE)
    const before = (await service.retrieveShipment(input.id)) as unknown as ShipmentDTO
    service.throwIfNotManual(before)
    const changes: Record<string, unknown> = {}
    for (const field of FIELDS) {
      const value = input.details[field]
      if (value !== undefined && !sameValue(value, before[field])) {
        changes[field] = value
      }
    }
    if (!Object.keys(changes).length) {
      return new StepResponse({ shipment: before, changed: [] as string[] })
    }
    const shipment = (await service.updateShipments({ id: input.id, ...changes })) as unknown as ShipmentDTO
    const previous: Record<string, unknown> = { id: input.id }
    for (const field of Object.keys(changes)) {
      const old = before[field as (typeof FIELDS)[number]]
      previous[field] = field === "estimated_delivery_at" && old ? new Date(old as string) : old
    }
    return new StepResponse({ shipment, changed: Object.keys(changes) }, previous)
  },
  async (previous, { container }) => {
    if (!previous) {
      return
    }
    const service: ShipmentModuleService = container.resolve(SHIPMENT_MODULE)
    await service.updateShipments(previous)
  }
)
