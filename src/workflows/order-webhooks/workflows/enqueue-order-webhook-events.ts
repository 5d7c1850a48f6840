import { createWorkflow, transform, when, type WorkflowData, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { emitEventStep } from "@medusajs/medusa/core-flows"
import { OrderOpsEvents } from "../../../events"
import { buildOrderWebhookEventsStep, type OrderWebhookSource } from "../steps/build-order-webhook-events"
import { enqueueWebhookEventsStep } from "../steps/enqueue-webhook-events"

export const enqueueOrderWebhookEventsWorkflowId = "order-ops-enqueue-order-webhook-events"

/** Input of {@link enqueueOrderWebhookEventsWorkflow}: one change, or several. */
export type EnqueueOrderWebhookEventsInput =
  | OrderWebhookSource
  | {
      changes: OrderWebhookSource[]
      /**
       * Emit `order_ops.webhook_deliveries.enqueued` with the new deliveries, so
       * that they are attempted at once once the calling workflow has succeeded
       * (the plugin's own workflows, which run this as a step).
       */
      announce?: boolean
    }

/**
 * Puts the catalogue events of a change in the outbox, with a delivery per
 * interested endpoint. Idempotent: run it twice for the same change and the
 * second run adds nothing, so a message never gets a second `webhook-id`.
 * Returns the new deliveries (the caller may attempt them at once).
 *
 * The plugin's own workflows run it as a step (`runAsStep`) right after
 * their change, with `announce`: the outbox rows are written by the same
 * workflow as the change, and rolled back with it when a later step fails.
 * Medusa's own changes reach it through the subscriber of their events.
 */
export const enqueueOrderWebhookEventsWorkflow = createWorkflow(enqueueOrderWebhookEventsWorkflowId, (input: EnqueueOrderWebhookEventsInput) => {
  const changes = transform({ input }, ({ input }) => ("changes" in input ? input.changes : [input]))
  const events = buildOrderWebhookEventsStep(changes)
  const enqueued = enqueueWebhookEventsStep(events)
  when("announce-webhook-deliveries", { input, enqueued }, ({ input, enqueued }) => "changes" in input && !!input.announce && enqueued.delivery_ids.length > 0).then(() => {
    emitEventStep({
      eventName: OrderOpsEvents.WEBHOOK_DELIVERIES_ENQUEUED,
      data: transform({ enqueued }, ({ enqueued }) => ({ delivery_ids: enqueued.delivery_ids })),
    }).config({ name: "emit-webhook-deliveries-enqueued" })
  })
  return new WorkflowResponse(enqueued)
})

/**
 * For a plugin workflow's composition: puts the webhook events of its
 * changes in the outbox as a step of that workflow (see
 * {@link enqueueOrderWebhookEventsWorkflow}), announced for an immediate
 * attempt once the workflow has succeeded. An empty list reads nothing.
 */
export function enqueueOrderWebhooks(changes: WorkflowData<OrderWebhookSource[]>) {
  return enqueueOrderWebhookEventsWorkflow.runAsStep({
    input: transform({ changes }, ({ changes }) => ({ changes, announce: true })),
  })
}
