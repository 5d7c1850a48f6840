import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import {
  fulfillableItems,
  throwIfInvalidShipmentRequest,
  type ShipmentRequest,
} from "../utils/validate-shipment-request"

export type ValidateShipmentRequestStepInput = {
  order: {
    id: string
    status: string
    canceled_at?: Date | string | null
    items: { id: string; title?: string | null; quantity?: unknown; detail?: { quantity?: unknown; fulfilled_quantity?: unknown } | null }[]
  }
  request: ShipmentRequest
}

export const validateShipmentRequestStepId = "order-ops-validate-shipment-request"

/**
 * Checks a manual shipment against the order's unfulfilled quantities.
 * Returns the item snapshot (titles, quantities) the shipment keeps.
 *
 * @throws MedusaError INVALID_DATA / NOT_ALLOWED naming the field.
 */
export const validateShipmentRequestStep = createStep(
  validateShipmentRequestStepId,
  async (input: ValidateShipmentRequestStepInput) => {
    const fulfillable = fulfillableItems(input.order.items)
    throwIfInvalidShipmentRequest(input.order, fulfillable, input.request)
    const titles = new Map(fulfillable.map((i) => [i.line_item_id, i.title]))
    return new StepResponse(
      input.request.items.map((item) => ({
        line_item_id: item.line_item_id,
        title: titles.get(item.line_item_id) ?? "Item",
        quantity: item.quantity,
      }))
    )
  }
)
