import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import type { CarrierCode } from "../../../modules/shipment/carriers/types"
import type { AdminRate, LabelBatchRule } from "../../../types"
import { chooseBatchRate } from "../utils/label-batch"

/** Input of {@link chooseBatchRateStep}: the rates answer and the batch's rule. */
export type ChooseBatchRateStepInput = {
  order_label: string
  rates: AdminRate[]
  errors: { carrier: CarrierCode; message: string }[]
  rule: LabelBatchRule
  is_test: boolean
}

export const chooseBatchRateStepId = "order-ops-choose-batch-rate"

/**
 * Picks one order's rate in a label batch by the batch's rule (see
 * `chooseBatchRate`). Reads nothing, writes nothing.
 *
 * @throws MedusaError INVALID_DATA naming the order when no rate fits.
 */
export const chooseBatchRateStep = createStep(chooseBatchRateStepId, async (input: ChooseBatchRateStepInput) => {
  return new StepResponse(chooseBatchRate(input))
})
