import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { getCarrierRatesStep } from "../steps/get-carrier-rates"
import { prepareLabelRequestStep } from "../steps/prepare-label-request"
import type { LabelRequestInput } from "../utils/label-request"

export const getShippingRatesWorkflowId = "order-ops-get-shipping-rates"

/**
 * Rates for items of an order from every available carrier (or one),
 * cheapest first, with each failing carrier's message beside them. A test
 * order is only ever quoted by the sandbox carrier. Writes nothing.
 *
 * @throws MedusaError INVALID_DATA naming the field.
 */
export const getShippingRatesWorkflow = createWorkflow(
  getShippingRatesWorkflowId,
  function (input: LabelRequestInput) {
    const prepared = prepareLabelRequestStep(input)
    return new WorkflowResponse(getCarrierRatesStep(prepared))
  }
)
