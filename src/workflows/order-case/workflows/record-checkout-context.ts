import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { recordCheckoutContextStep, type RecordCheckoutContextStepInput } from "../steps/record-checkout-context"

export type RecordCheckoutContextWorkflowInput = RecordCheckoutContextStepInput

export const recordCheckoutContextWorkflowId = "order-ops-record-checkout-context"

/**
 * Keeps the IP address and user agent of the client that completed a cart,
 * linked to the order it became: a dispute's evidence pack shows them.
 * Started by the store middleware on `POST /store/carts/:id/complete` after
 * the response is sent, so it never slows or fails a checkout.
 */
export const recordCheckoutContextWorkflow = createWorkflow(
  recordCheckoutContextWorkflowId,
  function (input: RecordCheckoutContextWorkflowInput) {
    return new WorkflowResponse(recordCheckoutContextStep(input))
  }
)
