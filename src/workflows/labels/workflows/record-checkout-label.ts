import { createWorkflow, transform, when, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { emitEventStep, useQueryGraphStep } from "@medusajs/medusa/core-flows"
import { OrderOpsEvents } from "../../../events"
import type { CarrierFulfillmentData } from "../../../providers/carrier-fulfillment/service"
import type { ShipmentItem } from "../../../types"
import { recordOrderActivityStep } from "../../order-activity/steps/record-order-activity"
import { refreshOrderStatusWorkflow } from "../../order-status/workflows/refresh-order-status"
import { createShipmentStep } from "../../shipments/steps/create-shipment"
import { isCheckoutLabelFulfillment } from "../../shipments/utils/core-fulfillment"
import { linkLabelToShipmentStep } from "../steps/link-label-to-shipment"
import { recordCheckoutLabelStep } from "../steps/record-checkout-label"
import { storeLabelFileStep } from "../steps/store-label-file"

/** Input of {@link recordCheckoutLabelWorkflow}: core's `order.fulfillment_created` payload. */
export type RecordCheckoutLabelWorkflowInput = { order_id: string; fulfillment_id: string; no_notification?: boolean }

type FulfillmentRow = {
  id: string
  provider_id: string | null
  data: Partial<CarrierFulfillmentData> | null
  items?: { line_item_id: string | null; title: string; quantity: unknown }[]
}

export const recordCheckoutLabelWorkflowId = "order-ops-record-checkout-label"

/**
 * A fulfillment created through our carrier fulfillment provider (a
 * checkout with a carrier option) bought its label in the provider: this
 * records it like every other purchase — the ledger row under the key it was
 * bought with, our copy of a label handed over as bytes, our carrier
 * shipment in Awaiting shipment tied to the fulfillment, the
 * `label.purchased` timeline entry, `order_ops.shipment.created` and
 * `order_ops.label.purchased`. Each write is a step with compensation.
 *
 * Idempotent: a re-delivered event finds the ledger row already tied to its
 * shipment and writes nothing. Fulfillments of other providers are ignored.
 */
export const recordCheckoutLabelWorkflow = createWorkflow(
  recordCheckoutLabelWorkflowId,
  function (input: RecordCheckoutLabelWorkflowInput) {
    const { data: fulfillments } = useQueryGraphStep({
      entity: "fulfillment",
      fields: ["id", "provider_id", "data", "items.line_item_id", "items.title", "items.quantity"],
      filters: { id: input.fulfillment_id },
    }).config({ name: "load-checkout-fulfillment" })

    const plan = transform({ fulfillments }, ({ fulfillments }) => {
      const fulfillment = fulfillments[0] as unknown as FulfillmentRow | undefined
      const stored = fulfillment?.data
      const ours = isCheckoutLabelFulfillment(fulfillment)
      const items: ShipmentItem[] = (fulfillment?.items ?? [])
        .filter((i) => i.line_item_id)
        .map((i) => ({ line_item_id: i.line_item_id!, title: i.title, quantity: Number(i.quantity) }))
      return { ours, stored: (stored ?? null) as CarrierFulfillmentData | null, items }
    })

    const recorded = when({ plan }, ({ plan }) => plan.ours).then(() =>
      recordCheckoutLabelStep(
        transform({ input, plan }, ({ input, plan }) => ({
          order_id: input.order_id,
          fulfillment_id: input.fulfillment_id,
          stored: plan.stored!,
        }))
      )
    )

    const linked = when({ recorded }, ({ recorded }) => Boolean(recorded && !recorded.label.shipment_id)).then(() => {
      const label = storeLabelFileStep(
        transform({ recorded }, ({ recorded }) => ({ label: recorded!.label, file: recorded!.file }))
      )
      const shipment = createShipmentStep(
        transform({ input, plan, label }, ({ input, plan, label }) => ({
          order_id: input.order_id,
          fulfillment_id: input.fulfillment_id,
          shipping_point: plan.stored!.international ? ("international" as const) : ("local" as const),
          source: "carrier" as const,
          status: "awaiting_shipment" as const,
          carrier: label.carrier_name ?? label.carrier,
          tracking_number: label.tracking_number,
          tracking_url: label.tracking_url,
          estimated_delivery_at: plan.stored!.estimated_delivery_at ? new Date(plan.stored!.estimated_delivery_at) : null,
          notify_customer: !input.no_notification,
          items: plan.items,
          actor_id: null,
        }))
      )
      const tied = linkLabelToShipmentStep(
        transform({ label, shipment, input }, ({ label, shipment, input }) => ({
          label_id: label.id,
          shipment_id: shipment.id,
          fulfillment_id: input.fulfillment_id,
        }))
      )
      recordOrderActivityStep(
        transform({ tied, plan }, ({ tied, plan }) => [
          {
            order_id: tied.order_id,
            kind: "label.purchased",
            actor_type: "system" as const,
            actor_id: null,
            resource_type: "shipping_label",
            resource_id: tied.id,
            data: {
              shipment_id: tied.shipment_id,
              carrier: tied.carrier,
              carrier_name: tied.carrier_name,
              service: tied.service,
              amount: Number(tied.amount ?? 0),
              currency_code: tied.currency_code,
              tracking_number: tied.tracking_number,
              is_test: tied.is_test,
              item_count: plan.items.reduce((n, i) => n + i.quantity, 0),
              checkout: true,
            },
          },
        ])
      )
      emitEventStep({
        eventName: OrderOpsEvents.SHIPMENT_CREATED,
        data: transform({ shipment }, ({ shipment }) => ({ id: shipment.id, order_id: shipment.order_id })),
      }).config({ name: "emit-checkout-shipment-created" })
      emitEventStep({
        eventName: OrderOpsEvents.LABEL_PURCHASED,
        data: transform({ tied }, ({ tied }) => ({ id: tied.id, order_id: tied.order_id, shipment_id: tied.shipment_id })),
      }).config({ name: "emit-checkout-label-purchased" })
      refreshOrderStatusWorkflow.runAsStep({
        input: transform({ input }, ({ input }) => ({ order_ids: [input.order_id] })),
      })
      return tied
    })

    return new WorkflowResponse(
      transform({ recorded, linked }, ({ recorded, linked }) => ({
        label_id: linked?.id ?? recorded?.label.id ?? null,
        created: Boolean(linked),
      }))
    )
  }
)
