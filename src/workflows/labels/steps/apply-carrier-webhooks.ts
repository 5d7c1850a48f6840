import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { SHIPMENT_MODULE } from "../../../modules/shipment"
import type ShipmentModuleService from "../../../modules/shipment/service"
import type { CarrierTrackingUpdate } from "../../../modules/shipment/carriers/types"
import { applyTrackingUpdate } from "../utils/apply-tracking"

type InboxRow = {
  id: string
  status: string
  attempts: number
  updates: CarrierTrackingUpdate[]
}

/** Retries of an inbox row that keeps failing: 1, 5, 30 min, 2 h, then failed. */
const RETRY_MINUTES = [1, 5, 30, 120]

export const applyCarrierWebhooksStepId = "order-ops-apply-carrier-webhooks"

/**
 * Applies received carrier webhooks from the inbox one event at a time —
 * the rows the batch (`applyCarrierWebhookBatchStep`) deferred because a
 * move must also move a Medusa fulfillment, or all of a batch whose
 * transaction failed: each tracking update goes through the shipment
 * ingestion workflow (`recordShipmentEventWorkflow`); a tracking number we don't
 * know is marked `ignored`. A row that fails is retried with back-off by the
 * sweep job, then marked `failed` with the error. The moves leave the
 * orders' statuses to the workflow, which recomputes each order once.
 */
export const applyCarrierWebhooksStep = createStep(
  applyCarrierWebhooksStepId,
  async (input: { ids: string[] }, { container }) => {
    const service = container.resolve<ShipmentModuleService>(SHIPMENT_MODULE)
    const rows = (await service.listCarrierWebhookEvents({
      id: input.ids,
      status: "received",
    })) as unknown as InboxRow[]
    const outcome = { processed: 0, ignored: 0, failed: 0, order_ids: [] as string[] }
    const orderIds = new Set<string>()
    for (const row of rows) {
      try {
        let matched = 0
        for (const update of row.updates ?? []) {
          const applied = await applyTrackingUpdate(container, update, { refresh: false })
          matched += applied.matched
          applied.order_ids.forEach((id) => orderIds.add(id))
        }
        await service.updateCarrierWebhookEvents({
          id: row.id,
          status: matched ? "processed" : "ignored",
          processed_at: new Date(),
          attempts: row.attempts + 1,
          next_attempt_at: null,
        })
        outcome[matched ? "processed" : "ignored"]++
      } catch (error) {
        const wait = RETRY_MINUTES[row.attempts]
        await service.updateCarrierWebhookEvents({
          id: row.id,
          status: wait === undefined ? "failed" : "received",
          attempts: row.attempts + 1,
          error: (error as Error).message,
          next_attempt_at: wait === undefined ? null : new Date(Date.now() + wait * 60_000),
        })
        outcome.failed++
      }
    }
    outcome.order_ids = [...orderIds]
    return new StepResponse(outcome)
  }
)
