import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import type { FollowUpKind } from "../../../modules/digital-delivery/models/follow-up"
import { requestDeliveryFollowUpsStep } from "../steps/request-delivery-follow-ups"

export const requestDeliveryFollowUpsWorkflowId = "order-ops-request-delivery-follow-ups"

/**
 * Marks an order's follow-ups (instructions email, completion) due: a
 * delivered item, a delivered shipment of a mixed order, or the sweep's
 * safety net asks for them; `runDeliveryFollowUps` carries them out.
 */
export const requestDeliveryFollowUpsWorkflow = createWorkflow(
  requestDeliveryFollowUpsWorkflowId,
  function (input: { order_id: string; kinds: FollowUpKind[] }) {
    return new WorkflowResponse(requestDeliveryFollowUpsStep(input))
  }
)
