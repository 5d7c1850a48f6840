import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { prepareLabelRequest, type LabelRequestInput } from "../utils/label-request"

export const prepareLabelRequestStepId = "order-ops-prepare-label-request"

/**
 * Checks a rates or label request against the order; see
 * `prepareLabelRequest`. Reads only. Answers null when told to skip.
 */
export const prepareLabelRequestStep = createStep(
  prepareLabelRequestStepId,
  async (input: LabelRequestInput & { skip?: boolean }, { container }) => {
    const { skip, ...request } = input
    // Skipped when a purchase is repeated: its answer is the label already bought.
    return new StepResponse(skip ? null : await prepareLabelRequest(container, request))
  }
)
