import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { ORDER_NOTE_MODULE } from "../../../modules/order-note"
import type OrderNoteModuleService from "../../../modules/order-note/service"
import { normalizeNoteBody } from "../utils/validate-note"

export const normalizeOrderNoteBodyStepId = "order-ops-normalize-order-note-body"

/**
 * Trims a note body and checks it against the configured maximum length.
 *
 * @throws MedusaError INVALID_DATA for an empty or oversized body.
 */
export const normalizeOrderNoteBodyStep = createStep(
  normalizeOrderNoteBodyStepId,
  async (input: { body?: string }, { container }) => {
    if (input.body === undefined) {
      return new StepResponse(undefined)
    }
    const service: OrderNoteModuleService = container.resolve(ORDER_NOTE_MODULE)
    return new StepResponse(normalizeNoteBody(input.body, service.getOptions().notes.max_length))
  }
)
