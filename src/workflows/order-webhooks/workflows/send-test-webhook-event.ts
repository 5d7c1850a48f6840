import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { WEBHOOK_EVENT_CATALOGUE } from "../../../modules/order-webhook/catalogue"
import { enqueueWebhookEventsStep } from "../steps/enqueue-webhook-events"

export const sendTestWebhookEventWorkflowId = "order-ops-send-test-webhook-event"

/**
 * Queues a `webhook.test` event for one endpoint (whatever it subscribes
 * to), delivered like any other and shown in its log.
 */
export const sendTestWebhookEventWorkflow = createWorkflow(sendTestWebhookEventWorkflowId, (input: { endpoint_id: string; nonce: string }) => {
  const events = transform({ input }, ({ input }) => [
    {
      type: "webhook.test",
      version: WEBHOOK_EVENT_CATALOGUE["webhook.test"].version,
      dedupe_key: `webhook.test:${input.endpoint_id}:${input.nonce}`,
      order_id: null,
      is_test: false,
      payload: { message: "A test event from medusa-order-ops", endpoint_id: input.endpoint_id },
      occurred_at: new Date(),
      only_endpoint_id: input.endpoint_id,
    },
  ])
  return new WorkflowResponse(enqueueWebhookEventsStep(events))
})
