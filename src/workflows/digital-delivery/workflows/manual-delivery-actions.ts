import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { completeOrderWorkflow, emitEventStep } from "@medusajs/medusa/core-flows"
import { OrderOpsEvents } from "../../../events"
import { assertOrderNotHeldStep } from "../../order-case/steps/assert-order-not-held"
import { recordOrderActivityStep } from "../../order-activity/steps/record-order-activity"
import { enqueueOrderWebhooks } from "../../order-webhooks/workflows/enqueue-order-webhook-events"
import { refreshOrderStatusWorkflow } from "../../order-status/workflows/refresh-order-status"
import { requestDeliveryFollowUpsStep } from "../steps/request-delivery-follow-ups"
import type { FollowUpKind } from "../../../modules/digital-delivery/models/follow-up"
import { leaseDeliveryStep } from "../steps/lease-delivery"
import {
  closeOwedRevokeStep,
  markDeliveryDeliveredStep,
  reopenDeliveryForRetryStep,
  type MarkDeliveredInput,
} from "../steps/manual-delivery-actions"
import { runDeliveryWorkflow } from "./run-delivery"

export const retryDeliveryNowWorkflowId = "order-ops-retry-delivery-now"

/**
 * "Retry now" from the admin: takes the delivery's lease (409 while an
 * attempt is in flight), reopens a failed delivery, and runs one attempt
 * under that lease (`runDeliveryWorkflow`).
 */
export const retryDeliveryNowWorkflow = createWorkflow(
  retryDeliveryNowWorkflowId,
  function (input: { delivery_id: string; actor_id?: string | null }) {
    // Refused while the order is on hold, before the lease is taken.
    assertOrderNotHeldStep({ delivery_id: input.delivery_id })
    const lease = leaseDeliveryStep({ delivery_id: input.delivery_id, respect_target_limit: false })
    reopenDeliveryForRetryStep({ delivery_id: input.delivery_id, lease })
    const run = runDeliveryWorkflow.runAsStep({
      input: transform({ input, lease }, ({ input, lease }) => ({
        delivery_id: input.delivery_id,
        lease,
        actor_id: input.actor_id ?? null,
      })),
    })
    return new WorkflowResponse(transform({ run }, ({ run }) => run.delivery))
  }
)

export const closeOwedRevokeWorkflowId = "order-ops-close-owed-revoke"

/** A person closes a revoke that keeps failing at the outside service; see `closeOwedRevokeStep`. */
export const closeOwedRevokeWorkflow = createWorkflow(
  closeOwedRevokeWorkflowId,
  function (input: { delivery_id: string; actor_id?: string | null }) {
    const lease = leaseDeliveryStep({ delivery_id: input.delivery_id, respect_target_limit: false })
    const delivery = closeOwedRevokeStep(transform({ input, lease }, ({ input, lease }) => ({ ...input, lease })))
    return new WorkflowResponse(delivery)
  }
)

export const markDeliveryDeliveredWorkflowId = "order-ops-mark-delivery-delivered"

/** "Mark as delivered" (optional redemption code and notes); see `markDeliveryDeliveredStep`. */
export const markDeliveryDeliveredWorkflow = createWorkflow(
  markDeliveryDeliveredWorkflowId,
  function (input: MarkDeliveredInput) {
    const lease = leaseDeliveryStep({ delivery_id: input.delivery_id, respect_target_limit: false })
    const delivery = markDeliveryDeliveredStep(transform({ input, lease }, ({ input, lease }) => ({ ...input, lease })))
    recordOrderActivityStep(
      transform({ delivery, input }, ({ delivery, input }) => [
        {
          order_id: delivery.order_id,
          kind: "delivery.delivered",
          actor_type: input.actor_id ? ("user" as const) : ("system" as const),
          actor_id: input.actor_id ?? null,
          resource_type: "delivery",
          resource_id: delivery.id,
          data: {
            title: delivery.title,
            method: delivery.method,
            quantity: delivery.quantity,
            status: delivery.status,
            message: "Marked as delivered by hand",
            manual: true,
            has_code: Boolean(delivery.redemption_code),
          },
        },
      ])
    )
    requestDeliveryFollowUpsStep(
      transform({ delivery }, ({ delivery }) => ({ order_id: delivery.order_id, kinds: ["instructions", "completion"] as FollowUpKind[] }))
    )
    emitEventStep({
      eventName: OrderOpsEvents.DELIVERY_DELIVERED,
      data: transform({ delivery }, ({ delivery }) => ({ id: delivery.id, order_id: delivery.order_id, status: delivery.status })),
    }).config({ name: "emit-delivery-marked-delivered" })
    enqueueOrderWebhooks(transform({ delivery }, ({ delivery }) => [{ source: "delivery.delivered" as const, id: delivery.id }]))
    return new WorkflowResponse(delivery)
  }
)

export type CompleteDigitalOrderInput = { order_id: string; notes?: string | null; actor_id?: string | null }

export const completeDigitalOrderWorkflowId = "order-ops-complete-digital-order"

/**
 * "Complete order": completes the order through Medusa's complete-order
 * workflow, keeps the staff's notes as an internal order note, writes a
 * timeline entry and recomputes the order's statuses.
 */
export const completeDigitalOrderWorkflow = createWorkflow(
  completeDigitalOrderWorkflowId,
  function (input: CompleteDigitalOrderInput) {
    completeOrderWorkflow.runAsStep({
      input: transform({ input }, ({ input }) => ({ orderIds: [input.order_id] })),
    })
    recordOrderActivityStep(
      transform({ input }, ({ input }) => [
        {
          order_id: input.order_id,
          kind: "order.completed_by_hand",
          actor_type: input.actor_id ? ("user" as const) : ("system" as const),
          actor_id: input.actor_id ?? null,
          resource_type: "order",
          resource_id: input.order_id,
          data: { notes: input.notes ?? null },
        },
      ])
    )
    refreshOrderStatusWorkflow.runAsStep({
      input: transform({ input }, ({ input }) => ({ order_ids: [input.order_id] })),
    })
    emitEventStep({
      eventName: OrderOpsEvents.DELIVERY_UPDATED,
      data: transform({ input }, ({ input }) => ({ id: input.order_id, order_id: input.order_id, status: "completed" })),
    })
    return new WorkflowResponse(input.order_id)
  }
)
