import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import {
  loadOrderTimelineStep,
  type LoadOrderTimelineStepInput,
} from "../steps/load-order-timeline"

export type GetOrderTimelineWorkflowInput = LoadOrderTimelineStepInput

export const getOrderTimelineWorkflowId = "order-ops-get-order-timeline"

/**
 * Returns a page of an order's merged timeline (core history and our
 * activity), newest first.
 *
 * @throws MedusaError NOT_FOUND when the order does not exist.
 */
export const getOrderTimelineWorkflow = createWorkflow(
  getOrderTimelineWorkflowId,
  function (input: GetOrderTimelineWorkflowInput) {
    return new WorkflowResponse(loadOrderTimelineStep(input))
  }
)
