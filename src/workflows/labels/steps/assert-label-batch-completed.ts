import { MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"

export const assertLabelBatchCompletedStepId = "order-ops-assert-label-batch-completed"

/**
 * Fails the finishing workflow when the batch could not be completed (it was
 * canceled, or another worker reclaimed it meanwhile), so the merged file
 * this worker stored is deleted by its step's compensation instead of being
 * left behind with no job pointing at it.
 *
 * @throws MedusaError CONFLICT when `completed` is false.
 */
export const assertLabelBatchCompletedStep = createStep(
  assertLabelBatchCompletedStepId,
  async (input: { batch_id: string; completed: boolean }) => {
    if (!input.completed) {
      throw new MedusaError(
        MedusaError.Types.CONFLICT,
        `Label batch ${input.batch_id} was canceled or taken over by another worker; its merged file is discarded`
      )
    }
    return new StepResponse(true)
  }
)
