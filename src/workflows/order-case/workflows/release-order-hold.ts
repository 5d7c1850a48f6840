import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { acquireLockStep, emitEventStep, releaseLockStep } from "@medusajs/medusa/core-flows"
import { OrderOpsEvents } from "../../../events"
import { recordOrderActivityStep } from "../../order-activity/steps/record-order-activity"
import { refreshOrderStatusWorkflow } from "../../order-status/workflows/refresh-order-status"
import { releaseOrderHoldStep, type ReleaseOrderHoldStepInput } from "../steps/release-order-hold"

export type ReleaseOrderHoldWorkflowInput = ReleaseOrderHoldStepInput

export const releaseOrderHoldWorkflowId = "order-ops-release-order-hold"

/**
 * Releases an order's hold: shipments and labels are allowed again and the
 * digital delivery sweep picks up the deliveries that waited (their
 * schedule never stopped; the lease query only skipped them). Records
 * `order.hold_released`, emits `order_ops.order.released`, recomputes the
 * status row. Locked per order.
 *
 * @throws MedusaError NOT_ALLOWED when the order is not on hold.
 */
export const releaseOrderHoldWorkflow = createWorkflow(
  releaseOrderHoldWorkflowId,
  function (input: ReleaseOrderHoldWorkflowInput) {
    const lockKey = transform({ input }, ({ input }) => `order-ops-order-case:${input.order_id}`)
    acquireLockStep({ key: lockKey, timeout: 10, ttl: 60 })
    const hold = releaseOrderHoldStep(input)
    recordOrderActivityStep(
      transform({ input, hold }, ({ input, hold }) => [
        {
          order_id: input.order_id,
          kind: "order.hold_released",
          actor_type: input.actor_id ? ("user" as const) : ("system" as const),
          actor_id: input.actor_id ?? null,
          resource_type: "order_hold",
          resource_id: hold.id,
          data: { reason: hold.reason, note: hold.release_note },
        },
      ])
    )
    emitEventStep({
      eventName: OrderOpsEvents.ORDER_RELEASED,
      data: transform({ hold }, ({ hold }) => ({ id: hold.id, order_id: hold.order_id })),
    })
    refreshOrderStatusWorkflow.runAsStep({
      input: transform({ input }, ({ input }) => ({ order_ids: [input.order_id] })),
    })
    releaseLockStep({ key: lockKey })
    return new WorkflowResponse(hold)
  }
)
