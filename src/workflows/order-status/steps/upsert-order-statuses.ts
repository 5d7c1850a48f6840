import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { ORDER_STATUS_MODULE } from "../../../modules/order-status"
import type OrderStatusModuleService from "../../../modules/order-status/service"
import type { OrderStatusChangedEventData } from "../../../events"
import type { OrderStatusDTO, UpsertOrderStatusDTO } from "../../../types"
import { orderStatusChanges } from "../utils/order-status-changes"

/** Rows to write, one per order. */
export type UpsertOrderStatusesStepInput = UpsertOrderStatusDTO[]

/** Output of {@link upsertOrderStatusesStep}. */
export type UpsertOrderStatusesStepOutput = {
  /** The rows after the write, one per known order. */
  order_statuses: OrderStatusDTO[]
  /** Orders whose fulfillment or payment status this write changed (see `orderStatusChanges`). */
  changes: OrderStatusChangedEventData[]
}

/** What compensation needs: the rows as they were, the ones created, and which computation wrote them. */
type UpsertOrderStatusesUndo = {
  previous: Record<string, unknown>[]
  created_ids: string[]
  computed_at: Record<string, string>
}

export const upsertOrderStatusesStepId = "order-ops-upsert-order-statuses"

/**
 * Writes `order_status` rows, one guarded upsert per order: a row computed
 * by a computation that started later than this one is kept (see
 * `OrderStatusModuleService.upsertOrderStatuses`). Compensation puts back
 * what was there, but only for rows still as this step left them, so it
 * never undoes a newer computation's row. Returns the status changes it made,
 * computed from the exact rows it replaced.
 */
export const upsertOrderStatusesStep = createStep(
  upsertOrderStatusesStepId,
  async (input: UpsertOrderStatusesStepInput, { container }) => {
    const service: OrderStatusModuleService = container.resolve(ORDER_STATUS_MODULE)
    const result = await service.upsertOrderStatuses(input)
    const skipped = new Set(result.skipped_order_ids)
    const output: UpsertOrderStatusesStepOutput = {
      order_statuses: result.rows,
      changes: orderStatusChanges(
        input.filter((row) => !skipped.has(row.order_id)),
        result.previous
      ),
    }
    return new StepResponse<UpsertOrderStatusesStepOutput, UpsertOrderStatusesUndo>(output, {
      previous: result.previous,
      created_ids: result.created_ids,
      computed_at: Object.fromEntries(
        input
          .filter((row) => !skipped.has(row.order_id))
          .map((row) => [row.order_id, new Date(row.computed_at).toISOString()])
      ),
    })
  },
  async (undo, { container }) => {
    if (!undo) {
      return
    }
    const service: OrderStatusModuleService = container.resolve(ORDER_STATUS_MODULE)
    await service.restoreOrderStatuses(undo)
  }
)
