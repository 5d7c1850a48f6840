import { createWorkflow, transform, when, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { recordShipmentEventWorkflow } from "../../shipments/workflows/record-shipment-event"
import { voidCheckoutLabelsStep } from "../steps/void-checkout-labels"

/** Input of {@link cancelCheckoutLabelWorkflow}: core's `order.fulfillment_canceled` payload. */
export type CancelCheckoutLabelWorkflowInput = { order_id: string; fulfillment_id: string }

export const cancelCheckoutLabelWorkflowId = "order-ops-cancel-checkout-label"

/**
 * A checkout fulfillment was canceled in Medusa (its provider voided the
 * label at the carrier): the ledger row becomes voided with its refund
 * followed, and the shipment is canceled through `recordShipmentEventWorkflow`
 * like every other move — shipment event, timeline entry, order statuses,
 * `order_ops.shipment.status_changed` and the customer notification rule.
 * Medusa's fulfillment is canceled already, so that workflow leaves it be.
 * Nothing happens for fulfillments without a checkout label.
 */
export const cancelCheckoutLabelWorkflow = createWorkflow(
  cancelCheckoutLabelWorkflowId,
  function (input: CancelCheckoutLabelWorkflowInput) {
    const voided = voidCheckoutLabelsStep(transform({ input }, ({ input }) => ({ fulfillment_id: input.fulfillment_id })))

    const moved = when({ voided }, ({ voided }) => voided.shipment_ids.length > 0).then(() =>
      recordShipmentEventWorkflow.runAsStep({
        input: transform({ voided }, ({ voided }) => ({
          shipment_id: voided.shipment_ids[0],
          status: "canceled" as const,
          source: "system" as const,
          message: "Fulfillment canceled; label voided",
          strict: false,
        })),
      })
    )

    return new WorkflowResponse(
      transform({ voided, moved }, ({ voided, moved }) => ({
        label_ids: voided.label_ids,
        shipment_id: voided.shipment_ids[0] ?? null,
        applied: Boolean(moved?.applied),
      }))
    )
  }
)
