import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { assertOrderNotHeldStep } from "../../order-case/steps/assert-order-not-held"
import { runDeliveryStep } from "../steps/run-delivery"

export const runDeliveryWorkflowId = "order-ops-run-delivery"

/** One attempt at one delivery; see `runDeliveryStep`. */
export const runDeliveryWorkflow = createWorkflow(
  runDeliveryWorkflowId,
  function (input: { delivery_id: string; leased?: boolean; actor_id?: string | null }) {
    assertOrderNotHeldStep({ delivery_id: input.delivery_id })
    return new WorkflowResponse(runDeliveryStep(input))
  }
)
