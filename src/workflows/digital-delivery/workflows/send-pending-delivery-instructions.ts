import { createWorkflow, transform, when, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { planDeliveryInstructionsStep } from "../steps/plan-delivery-instructions"
import { sendDeliveryInstructionsWorkflow } from "./send-delivery-instructions"

export type SendPendingDeliveryInstructionsInput = {
  order_id: string
  /** The deliveries already emailed (kept on the follow-up row). */
  covered_delivery_ids: string[]
  /** Names this try (the follow-up's generation and attempt): each try sends under its own notification key. */
  try_id: string
}

export const sendPendingDeliveryInstructionsWorkflowId = "order-ops-send-pending-delivery-instructions"

/**
 * The instructions follow-up of an order: ONE email for every delivered
 * download or license code not emailed yet (see `planInstructions`), through
 * {@link sendDeliveryInstructionsWorkflow} as a step. Answers the plan, so
 * the caller records what is now covered, or when to look again.
 */
export const sendPendingDeliveryInstructionsWorkflow = createWorkflow(
  sendPendingDeliveryInstructionsWorkflowId,
  function (input: SendPendingDeliveryInstructionsInput) {
    const plan = planDeliveryInstructionsStep(input)
    when("instructions-to-send", { plan }, ({ plan }) => plan.delivery_ids.length > 0 && !plan.defer_until && !plan.already_sent).then(() => {
      sendDeliveryInstructionsWorkflow.runAsStep({
        input: transform({ plan }, ({ plan }) => ({
          order_id: plan.order_id,
          idempotency_key: plan.idempotency_key,
          fresh_links: false,
          delivery_ids: plan.delivery_ids,
        })),
      })
    })
    return new WorkflowResponse(plan)
  }
)
