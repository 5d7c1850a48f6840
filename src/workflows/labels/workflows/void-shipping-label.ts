import { createWorkflow, transform, when, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { acquireLockStep, emitEventStep, releaseLockStep } from "@medusajs/medusa/core-flows"
import { OrderOpsEvents } from "../../../events"
import { recordOrderActivityStep } from "../../order-activity/steps/record-order-activity"
import { recordShipmentEventWorkflow } from "../../shipments/workflows/record-shipment-event"
import { voidLabelAtCarrierStep } from "../steps/void-label-at-carrier"

export type VoidShippingLabelWorkflowInput = {
  label_id: string
  actor_id?: string | null
  /** Why, when not a person's Void (the auto-void job): kept on the timeline entry. */
  reason?: string | null
}

export const voidShippingLabelWorkflowId = "order-ops-void-shipping-label"

/**
 * Voids a label (until the carrier's first scan) and cancels its shipment —
 * and with it Medusa's fulfillment, through the shipment ingestion workflow
 * — then writes a timeline entry and emits `order_ops.label.voided`. The
 * refund is followed by the label follow-up job until it is final.
 *
 * @throws MedusaError NOT_ALLOWED "… the carrier already has this parcel".
 */
export const voidShippingLabelWorkflow = createWorkflow(
  voidShippingLabelWorkflowId,
  function (input: VoidShippingLabelWorkflowInput) {
    acquireLockStep({ key: input.label_id, timeout: 10, ttl: 60 })
    const voided = voidLabelAtCarrierStep({ label_id: input.label_id })

    when({ voided }, ({ voided }) => Boolean(voided.shipment && voided.shipment.status !== "canceled")).then(() => {
      recordShipmentEventWorkflow.runAsStep({
        input: transform({ voided, input }, ({ voided, input }) => ({
          shipment_id: voided.shipment!.id,
          status: "canceled" as const,
          source: "system" as const,
          message: "Label voided",
          actor_id: input.actor_id ?? null,
        })),
      })
    })

    recordOrderActivityStep(
      transform({ voided, input }, ({ voided, input }) => [
        {
          order_id: voided.label.order_id,
          kind: "label.voided",
          actor_type: input.actor_id ? ("user" as const) : ("system" as const),
          actor_id: input.actor_id ?? null,
          resource_type: "shipping_label",
          resource_id: voided.label.id,
          data: {
            shipment_id: voided.label.shipment_id,
            carrier_name: voided.label.carrier_name,
            tracking_number: voided.label.tracking_number,
            refund_status: voided.label.refund_status,
            amount: Number(voided.label.amount ?? 0),
            currency_code: voided.label.currency_code,
            ...(input.reason ? { reason: input.reason, automatic: true } : {}),
          },
        },
      ])
    )
    emitEventStep({
      eventName: OrderOpsEvents.LABEL_VOIDED,
      data: transform({ voided }, ({ voided }) => ({
        id: voided.label.id,
        order_id: voided.label.order_id,
        shipment_id: voided.label.shipment_id,
        refund_status: voided.label.refund_status,
      })),
    })
    releaseLockStep({ key: input.label_id })
    return new WorkflowResponse(transform({ voided }, ({ voided }) => voided.label))
  }
)
