import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { ORDER_NOTE_MODULE } from "../../../modules/order-note"
import type OrderNoteModuleService from "../../../modules/order-note/service"
import type { EditOrderNoteInput } from "../../../modules/order-note/service"

export const editOrderNotesStepId = "order-ops-edit-order-notes"

/**
 * Edits notes, keeping the replaced text as revisions. Compensation puts
 * the old text and visibility back and removes the revisions it created.
 */
export const editOrderNotesStep = createStep(
  editOrderNotesStepId,
  async (input: EditOrderNoteInput[], { container }) => {
    const service: OrderNoteModuleService = container.resolve(ORDER_NOTE_MODULE)
    const result = await service.editOrderNotes(input)
    return new StepResponse(result, {
      before: result.before.map(({ id, body, visible_to_customer }) => ({
        id,
        body,
        visible_to_customer,
      })),
      revision_ids: result.revision_ids,
    })
  },
  async (undo, { container }) => {
    if (!undo) {
      return
    }
    const service: OrderNoteModuleService = container.resolve(ORDER_NOTE_MODULE)
    if (undo.revision_ids.length) {
      await service.deleteOrderNoteRevisions(undo.revision_ids)
    }
    if (undo.before.length) {
      await service.updateOrderNotes(undo.before)
    }
  }
)
