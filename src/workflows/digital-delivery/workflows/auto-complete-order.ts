import { createWorkflow, transform, when, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import {
  acquireLockStep,
  completeOrderWorkflow,
  createOrderFulfillmentWorkflow,
  markOrderFulfillmentAsDeliveredWorkflow,
  releaseLockStep,
} from "@medusajs/medusa/core-flows"
import { recordOrderActivityStep } from "../../order-activity/steps/record-order-activity"
import { planAutoCompleteOrderStep } from "../steps/auto-complete-order"

export type AutoCompleteResult = { completed: boolean; reason: string }

export type AutoCompleteOrderInput = {
  order_id: string
  /** Complete without creating a Medusa fulfillment for the digital items (a retry after that failed). */
  skip_fulfillment?: boolean
}

export const autoCompleteOrderWorkflowId = "order-ops-auto-complete-order"

/** How long the per-order lock may outlive a killed worker: short, so a redelivered event or the sweep gets it. */
export const AUTO_COMPLETE_LOCK_TTL_SECONDS = 30

/**
 * Completes an order once everything in it has reached the customer (see
 * `decideAutoComplete`): the digital items get a Medusa fulfillment marked
 * delivered, then Medusa's complete-order workflow runs — each as a step of
 * this workflow (`runAsStep`), so a failure rolls back what ran before it.
 * Does nothing, and says why, otherwise. The order's persisted statuses are
 * recomputed by the subscriber of the `order.completed` event this emits, not
 * here a second time. Locked per order with a short TTL;
 * a lock not obtained fails the run, and the follow-up sweep retries it.
 */
export const autoCompleteOrderWorkflow = createWorkflow(
  autoCompleteOrderWorkflowId,
  function (input: AutoCompleteOrderInput) {
    // Its own key: core's fulfillment workflow, run inside, locks the order id itself.
    const key = transform({ input }, ({ input }) => `order-ops-auto-complete:${input.order_id}`)
    acquireLockStep({ key, timeout: 5, ttl: AUTO_COMPLETE_LOCK_TTL_SECONDS })
    const plan = planAutoCompleteOrderStep(input)

    when("auto-complete-fulfill-digital-items", { plan }, ({ plan }) => plan.complete && plan.fulfill_items.length > 0).then(() => {
      const fulfillment = createOrderFulfillmentWorkflow.runAsStep({
        input: transform({ plan }, ({ plan }) => ({
          order_id: plan.order_id,
          items: plan.fulfill_items,
          no_notification: true,
          metadata: { order_ops_digital: true },
        })),
      })
      markOrderFulfillmentAsDeliveredWorkflow.runAsStep({
        input: transform({ plan, fulfillment }, ({ plan, fulfillment }) => ({ orderId: plan.order_id, fulfillmentId: fulfillment.id })),
      })
    })

    when("auto-complete-complete-order", { plan }, ({ plan }) => plan.complete).then(() => {
      completeOrderWorkflow.runAsStep({ input: transform({ plan }, ({ plan }) => ({ orderIds: [plan.order_id] })) })
      recordOrderActivityStep(
        transform({ plan }, ({ plan }) => [
          {
            order_id: plan.order_id,
            kind: "order.auto_completed",
            actor_type: "system" as const,
            resource_type: "order",
            resource_id: plan.order_id,
            data: { deliveries: plan.deliveries },
          },
        ])
      )
    })

    releaseLockStep({ key })
    return new WorkflowResponse(
      transform({ plan }, ({ plan }): AutoCompleteResult => ({ completed: plan.complete, reason: plan.reason }))
    )
  }
)
