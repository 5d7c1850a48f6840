import { createWorkflow, transform, when, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { useQueryGraphStep } from "@medusajs/medusa/core-flows"
import { PLAN_MARK_AS_SHIPPED_ORDER_FIELDS, planMarkAsShippedStep, type PlanMarkAsShippedStepInput } from "../steps/plan-mark-as-shipped"
import { createManualShipmentWorkflow } from "./create-manual-shipment"

/** Input of {@link markOrderAsShippedWorkflow}. */
export type MarkOrderAsShippedWorkflowInput = {
  order_id: string
  /** The admin user who asked (the bulk job's creator). */
  actor_id?: string | null
}

export const markOrderAsShippedWorkflowId = "order-ops-mark-order-as-shipped"

/**
 * Ships everything still unfulfilled of an order in ONE manual shipment
 * (Local, shipped now, the customer told as for any shipment) through
 * {@link createManualShipmentWorkflow}: the same lock, checks, core
 * fulfillment and shipment, timeline and events. All or nothing within the
 * order: when any part fails, the manual shipment workflow's compensation
 * undoes the rest. An order with nothing left to ship is skipped.
 *
 * @throws MedusaError NOT_FOUND for an unknown order; NOT_ALLOWED for a
 *   canceled or held order; whatever core's fulfillment refuses.
 */
export const markOrderAsShippedWorkflow = createWorkflow(
  markOrderAsShippedWorkflowId,
  function (input: MarkOrderAsShippedWorkflowInput) {
    const { data: orders } = useQueryGraphStep({
      entity: "order",
      fields: PLAN_MARK_AS_SHIPPED_ORDER_FIELDS,
      filters: { id: input.order_id },
    }).config({ name: "load-order-to-ship" })
    const plan = planMarkAsShippedStep(
      transform({ orders }, ({ orders }) => ({ order: (orders[0] ?? null) as unknown as PlanMarkAsShippedStepInput["order"] }))
    )
    const shipment = when({ plan }, ({ plan }) => !plan.skip).then(() =>
      createManualShipmentWorkflow.runAsStep({
        input: transform({ input, plan }, ({ input, plan }) => ({
          order_id: input.order_id,
          items: plan.items,
          shipping_point: "local" as const,
          mark_shipped: true,
          actor_id: input.actor_id ?? null,
        })),
      })
    )
    return new WorkflowResponse(
      transform({ plan, shipment }, ({ plan, shipment }) => ({
        shipment_id: (shipment as { id?: string } | undefined)?.id ?? null,
        skipped: plan.skip,
      }))
    )
  }
)
