import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { ORDER_NOTE_MODULE } from "../../../modules/order-note"
import type OrderNoteModuleService from "../../../modules/order-note/service"

export const deleteOrderNotesStepId = "order-ops-delete-order-notes"

/**
 * Soft-deletes notes (and their revisions). Compensation restores them.
 */
export const deleteOrderNotesStep = createStep(
  deleteOrderNotesStepId,
  async (ids: string[], { container }) => {
    const service: OrderNoteModuleService = container.resolve(ORDER_NOTE_MODULE)
    await service.softDeleteOrderNotes(ids)
    return new StepResponse(ids, ids)
  },
  async (ids, { container }) => {
    if (!ids?.length) {
      return
    }
    const service: OrderNoteModuleService = container.resolve(ORDER_NOTE_MODULE)
    await service.restoreOrderNotes(ids)
  }
)
