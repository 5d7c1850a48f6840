import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { recordOrderActivityStep } from "../../order-activity/steps/record-order-activity"
import { sendDeliveryInstructionsStep } from "../steps/send-delivery-instructions"

export type SendDeliveryInstructionsInput = {
  order_id: string
  /** One email per key (the notification module's idempotency key). */
  idempotency_key: string
  /** New download links (a resend) or the current ones (first delivery). */
  fresh_links: boolean
  delivery_ids?: string[]
  actor_id?: string | null
}

export const sendDeliveryInstructionsWorkflowId = "order-ops-send-delivery-instructions"

/**
 * Emails the customer their download links, codes and notes (first when a
 * download or code is delivered, and on "Resend delivery instructions"),
 * and puts it on the timeline.
 */
export const sendDeliveryInstructionsWorkflow = createWorkflow(
  sendDeliveryInstructionsWorkflowId,
  function (input: SendDeliveryInstructionsInput) {
    const result = sendDeliveryInstructionsStep(input)
    recordOrderActivityStep(
      transform({ input, result }, ({ input, result }) =>
        result.sent
          ? [
              {
                order_id: input.order_id,
                kind: "delivery.instructions_sent",
                actor_type: input.actor_id ? ("user" as const) : ("system" as const),
                actor_id: input.actor_id ?? null,
                resource_type: "order",
                resource_id: input.order_id,
                data: {
                  email: result.instructions?.email ?? null,
                  downloads: result.instructions?.downloads.length ?? 0,
                  codes: result.instructions?.codes.reduce((n, c) => n + c.codes.length, 0) ?? 0,
                  resend: input.fresh_links,
                },
              },
            ]
          : []
      )
    )
    return new WorkflowResponse(result)
  }
)
