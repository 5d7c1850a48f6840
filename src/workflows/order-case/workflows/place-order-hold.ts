import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import {
  acquireLockStep,
  emitEventStep,
  releaseLockStep,
  useQueryGraphStep,
} from "@medusajs/medusa/core-flows"
import { OrderOpsEvents } from "../../../events"
import { recordOrderActivityStep } from "../../order-activity/steps/record-order-activity"
import { refreshOrderStatusWorkflow } from "../../order-status/workflows/refresh-order-status"
import { placeOrderHoldStep, type PlaceOrderHoldStepInput } from "../steps/place-order-hold"

export type PlaceOrderHoldWorkflowInput = PlaceOrderHoldStepInput

export const placeOrderHoldWorkflowId = "order-ops-place-order-hold"

/**
 * Puts an order on hold with a reason and a note: while held, creating
 * shipments, buying labels and attempting digital deliveries are refused
 * (deliveries wait). Records `order.held` on the timeline, emits
 * `order_ops.order.held` and recomputes the order's status row (hold
 * columns). Locked per order.
 *
 * @throws MedusaError NOT_FOUND for an unknown order; CONFLICT when already held.
 */
export const placeOrderHoldWorkflow = createWorkflow(
  placeOrderHoldWorkflowId,
  function (input: PlaceOrderHoldWorkflowInput) {
    const lockKey = transform({ input }, ({ input }) => `order-ops-order-case:${input.order_id}`)
    acquireLockStep({ key: lockKey, timeout: 10, ttl: 60 })
    useQueryGraphStep({
      entity: "order",
      fields: ["id"],
      filters: { id: input.order_id },
      options: { throwIfKeyNotFound: true },
    }).config({ name: "load-order" })

    const hold = placeOrderHoldStep(input)

    recordOrderActivityStep(
      transform({ input, hold }, ({ input, hold }) => [
        {
          order_id: input.order_id,
          kind: "order.held",
          actor_type: input.actor_id ? ("user" as const) : ("system" as const),
          actor_id: input.actor_id ?? null,
          resource_type: "order_hold",
          resource_id: hold.id,
          data: { reason: hold.reason, note: hold.note },
        },
      ])
    )
    emitEventStep({
      eventName: OrderOpsEvents.ORDER_HELD,
      data: transform({ hold }, ({ hold }) => ({ id: hold.id, order_id: hold.order_id })),
    })
    refreshOrderStatusWorkflow.runAsStep({
      input: transform({ input }, ({ input }) => ({ order_ids: [input.order_id] })),
    })
    releaseLockStep({ key: lockKey })
    return new WorkflowResponse(hold)
  }
)
