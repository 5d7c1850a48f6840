import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { SHIPMENT_MODULE } from "../../../modules/shipment"
import type ShipmentModuleService from "../../../modules/shipment/service"
import type { CarrierWebhookBatchResult } from "../../../modules/shipment/service"

export const applyCarrierWebhookBatchStepId = "order-ops-apply-carrier-webhook-batch"

/**
 * Applies a leased batch of carrier webhook inbox rows in one transaction
 * (see `ShipmentModuleService.applyCarrierWebhookBatch`): each shipment's
 * pending events in order, under its row lock. Rows whose shipment must
 * move its Medusa fulfillment come back as `deferred`, and so does the
 * whole batch when the transaction fails (nothing was written), so the
 * one-event-at-a-time path retries them with its back-off.
 * Compensation deletes the events, restores the shipments and returns the
 * rows to the inbox.
 */
export const applyCarrierWebhookBatchStep = createStep(
  applyCarrierWebhookBatchStepId,
  async (input: { ids: string[] }, { container }) => {
    const service = container.resolve<ShipmentModuleService>(SHIPMENT_MODULE)
    let result: CarrierWebhookBatchResult
    try {
      result = await service.applyCarrierWebhookBatch(input.ids)
    } catch {
      // The transaction rolled back; the one-by-one path applies these rows
      // and records any error that persists on the row, with its back-off.
      result = {
        processed: [],
        ignored: [],
        deferred: input.ids,
        moves: [],
        order_ids: [],
        undo: { event_ids: [], shipments: [], rows: [] },
      }
    }
    const { undo, ...output } = result
    return new StepResponse(output, undo)
  },
  async (undo, { container }) => {
    if (!undo) {
      return
    }
    const service = container.resolve<ShipmentModuleService>(SHIPMENT_MODULE)
    await service.revertCarrierWebhookBatch(undo)
  }
)
