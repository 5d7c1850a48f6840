import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { ORDER_NOTE_MODULE } from "../../../modules/order-note"
import type OrderNoteModuleService from "../../../modules/order-note/service"
import type { OrderNoteDTO } from "../../../types"

/** A note to create. The body must already be normalised. */
export type CreateOrderNotesStepInput = {
  order_id: string
  body: string
  visible_to_customer: boolean
  author_id: string | null
}[]

export const createOrderNotesStepId = "order-ops-create-order-notes"

/**
 * Creates notes. Compensation hard-deletes them: a note whose workflow
 * failed never existed.
 */
export const createOrderNotesStep = createStep(
  createOrderNotesStepId,
  async (input: CreateOrderNotesStepInput, { container }) => {
    const service: OrderNoteModuleService = container.resolve(ORDER_NOTE_MODULE)
    const notes = (await service.createOrderNotes(input)) as unknown as OrderNoteDTO[]
    return new StepResponse(
      notes,
      notes.map((note) => note.id)
    )
  },
  async (ids, { container }) => {
    if (!ids?.length) {
      return
    }
    const service: OrderNoteModuleService = container.resolve(ORDER_NOTE_MODULE)
    await service.deleteOrderNotes(ids)
  }
)
