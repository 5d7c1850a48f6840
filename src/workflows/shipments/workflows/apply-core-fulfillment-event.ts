import { createWorkflow, transform, when, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { acquireLockStep, releaseLockStep, useQueryGraphStep } from "@medusajs/medusa/core-flows"
import {
  CORE_ACTION_MESSAGE,
  coreFulfillmentMove,
  isCoreActionReflected,
  type CoreFulfillment,
  type CoreFulfillmentAction,
} from "../utils/core-fulfillment"
import { refreshOrderStatusWorkflow } from "../../order-status/workflows/refresh-order-status"
import { coreFulfillmentLockKey } from "./adopt-core-fulfillment"
import { recordShipmentEventWorkflow } from "./record-shipment-event"

/** Input of {@link applyCoreFulfillmentEventWorkflow}. */
export type ApplyCoreFulfillmentEventWorkflowInput = {
  fulfillment_id: string
  /** What Medusa did: `shipment.created`, `delivery.created` or `order.fulfillment_canceled`. */
  action: CoreFulfillmentAction
}

export const applyCoreFulfillmentEventWorkflowId = "order-ops-apply-core-fulfillment-event"

/**
 * Medusa's own "Mark as shipped", "Mark as delivered" and "Cancel" on a
 * fulfillment that is a shipment move the shipment through
 * `recordShipmentEventWorkflow`, like our own buttons: shipment event,
 * timeline entry, order statuses, `order_ops.shipment.status_changed` and
 * the customer notification. Medusa's fulfillment is already where it
 * should be, so that workflow leaves it be.
 *
 * Idempotent and never backwards (see `coreFulfillmentMove`): our own moves
 * call the same core workflows, and the events those emit come back here
 * to find the shipment already moved. Fulfillments without a shipment are
 * left alone. The order's statuses are recomputed here only when no
 * shipment move did it (this replaces a subscriber that recomputed them on
 * every `shipment.created` and `delivery.created`, our own echoes included). Locked per fulfillment with the adoption, so a "Mark as
 * shipped" right after "Fulfill items" finds the adopted shipment (or the
 * adoption finds the fulfillment shipped).
 */
export const applyCoreFulfillmentEventWorkflow = createWorkflow(
  applyCoreFulfillmentEventWorkflowId,
  function (input: ApplyCoreFulfillmentEventWorkflowInput) {
    const lockKey = transform({ input }, ({ input }) => coreFulfillmentLockKey(input.fulfillment_id))
    acquireLockStep({ key: lockKey, timeout: 10, ttl: 120 })

    const { data: shipments } = useQueryGraphStep({
      entity: "shipment",
      fields: ["id", "status", "shipping_point"],
      filters: { fulfillment_id: input.fulfillment_id },
    }).config({ name: "load-shipment" })

    const { data: fulfillments } = useQueryGraphStep({
      entity: "fulfillment",
      fields: ["id", "provider_id", "data"],
      filters: { id: input.fulfillment_id },
    }).config({ name: "load-fulfillment" })

    const plan = transform({ input, shipments, fulfillments }, ({ input, shipments, fulfillments }) => {
      const shipment = shipments[0] as { id: string; status: string; shipping_point: string } | undefined
      const status = coreFulfillmentMove(shipment, input.action, fulfillments[0] as unknown as CoreFulfillment | undefined)
      return { shipment_id: shipment?.id ?? null, status }
    })

    const moved = when({ plan }, ({ plan }) => Boolean(plan.status)).then(() =>
      recordShipmentEventWorkflow.runAsStep({
        input: transform({ plan, input }, ({ plan, input }) => ({
          shipment_id: plan.shipment_id!,
          status: plan.status!,
          source: "manual" as const,
          message: CORE_ACTION_MESSAGE[input.action],
          strict: false,
        })),
      })
    )

    // The order's statuses: recomputed by the shipment workflow when it
    // moved the shipment, and already right when this is the echo of our
    // own move; otherwise (no shipment, a pickup marked shipped, a move the
    // shipment refuses) Medusa's action changed them, so recompute here.
    refreshOrderStatusWorkflow.runAsStep({
      input: transform({ input, shipments, moved }, ({ input, shipments, moved }) => {
        const shipment = shipments[0] as { status: string } | undefined
        const covered = Boolean(moved?.applied) || isCoreActionReflected(shipment, input.action)
        return { order_ids: [], fulfillment_ids: covered ? [] : [input.fulfillment_id] }
      }),
    })

    releaseLockStep({ key: lockKey })

    return new WorkflowResponse(
      transform({ plan, moved }, ({ plan, moved }) => ({
        shipment_id: plan.shipment_id,
        status: plan.status,
        applied: Boolean(moved?.applied),
      }))
    )
  }
)
