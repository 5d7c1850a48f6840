import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { ORDER_NOTE_MODULE } from "../../../modules/order-note"
import type OrderNoteModuleService from "../../../modules/order-note/service"

export const getOrderOpsOptionsStepId = "order-ops-get-options"

/** Reads the plugin's validated options, as the order note module loaded them. */
export const getOrderOpsOptionsStep = createStep(
  getOrderOpsOptionsStepId,
  async (_: void, { container }) => {
    const service: OrderNoteModuleService = container.resolve(ORDER_NOTE_MODULE)
    return new StepResponse(service.getOptions())
  }
)
