import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { throwIfNoteNotOnOrder } from "../utils/validate-note"

export type ValidateNoteOnOrderStepInput = {
  note: { id: string; order_id: string } | undefined
  order_id: string
  note_id: string
}

export const validateNoteOnOrderStepId = "order-ops-validate-note-on-order"

/**
 * Checks that the loaded note exists and belongs to the order in the URL.
 *
 * @throws MedusaError NOT_FOUND otherwise.
 */
export const validateNoteOnOrderStep = createStep(
  validateNoteOnOrderStepId,
  async (input: ValidateNoteOnOrderStepInput) => {
    throwIfNoteNotOnOrder(input.note, input.order_id, input.note_id)
    return new StepResponse(void 0)
  }
)
