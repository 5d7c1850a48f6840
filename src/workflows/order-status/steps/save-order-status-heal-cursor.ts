import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { ORDER_STATUS_MODULE } from "../../../modules/order-status"
import type OrderStatusModuleService from "../../../modules/order-status/service"

/** Input of {@link saveOrderStatusHealCursorStep}. */
export type SaveOrderStatusHealCursorStepInput = {
  /** The new cursor; none while a full scan is still under way. */
  cursor: string | null
  /** Set when the pass finished a full scan. */
  full_scan_at: string | null
  /** Orders the pass recomputed. */
  count: number
}

export const saveOrderStatusHealCursorStepId = "order-ops-save-order-status-heal-cursor"

/**
 * Moves the heal job's cursor (never backwards). The last step of a pass,
 * so a pass that fails leaves the cursor where it was and the next one
 * looks at the same changes again. Nothing to undo.
 */
export const saveOrderStatusHealCursorStep = createStep(
  saveOrderStatusHealCursorStepId,
  async (input: SaveOrderStatusHealCursorStepInput, { container }) => {
    const service: OrderStatusModuleService = container.resolve(ORDER_STATUS_MODULE)
    await service.saveHealCursor({
      cursor: input.cursor ? new Date(input.cursor) : null,
      count: input.count,
      full_scan_at: input.full_scan_at ? new Date(input.full_scan_at) : null,
    })
    return new StepResponse(input.cursor)
  }
)
