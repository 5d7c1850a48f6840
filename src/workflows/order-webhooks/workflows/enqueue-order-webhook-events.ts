import { createWorkflow, transform, type WorkflowData, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
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
  const announce = transform({ input }, ({ input }) => "changes" in input && !!input.announce)
  return new WorkflowResponse(composeOrderWebhookEnqueue(changes, announce))
})

/**
 * The steps of {@link enqueueOrderWebhookEventsWorkflow}, for a composition:
 * build the changes' catalogue events, write them and their deliveries, and
 * (when `announce`) emit `order_ops.webhook_deliveries.enqueued` once the
 * workflow has succeeded.
 */
function composeOrderWebhookEnqueue(changes: WorkflowData<OrderWebhookSource[]>, announce: WorkflowData<boolean>) {
  const events = buildOrderWebhookEventsStep(changes)
  const enqueued = enqueueWebhookEventsStep(events)
  // No `when` here: the caller may already be inside one, and Medusa does not
  // nest them. Without data the emit step sends nothing.
  emitEventStep({
    eventName: OrderOpsEvents.WEBHOOK_DELIVERIES_ENQUEUED,
    data: transform({ announce, enqueued }, ({ announce, enqueued }) =>
      announce && enqueued.delivery_ids.length > 0 ? { delivery_ids: enqueued.delivery_ids } : (null as unknown as { delivery_ids: string[] })
    ),
  }).config({ name: "emit-webhook-deliveries-enqueued" })
  return enqueued
}

/**
 * For a plugin workflow's composition: puts the webhook events of its
 * changes in the outbox as steps of that workflow (those of
 * {@link enqueueOrderWebhookEventsWorkflow}, not a nested workflow run:
 * this runs after nearly every change, and a nested run costs about as much
 * as the steps themselves), announced for an immediate attempt once the
 * workflow has succeeded. The outbox rows are written by the same workflow
 * as the change and undone with it. An empty list reads nothing, and a list
 * no enabled endpoint listens for reads one row. Use it at most once per
 * workflow (its steps have fixed names).
 */
export function enqueueOrderWebhooks(changes: WorkflowData<OrderWebhookSource[]>) {
  return composeOrderWebhookEnqueue(changes, transform({ changes }, () => true))
}
