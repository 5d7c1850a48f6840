import {
  createWorkflow,
  transform,
  when,
  WorkflowResponse,
} from "@medusajs/framework/workflows-sdk"
import {
  acquireLockStep,
  createOrderFulfillmentWorkflow,
  emitEventStep,
  releaseLockStep,
} from "@medusajs/medusa/core-flows"
import { OrderOpsEvents } from "../../../events"
import type { CarrierCode, CarrierRate, LabelFormat } from "../../../modules/shipment/carriers/types"
import { recordOrderActivityStep } from "../../order-activity/steps/record-order-activity"
import { refreshOrderStatusWorkflow } from "../../order-status/workflows/refresh-order-status"
import { createShipmentStep } from "../../shipments/steps/create-shipment"
import { assertOrderNotHeldStep } from "../../order-case/steps/assert-order-not-held"
import { claimLabelPurchaseStep } from "../steps/claim-label-purchase"
import { findLabelPurchaseStep } from "../steps/find-label-purchase"
import { linkLabelToShipmentStep } from "../steps/link-label-to-shipment"
import { prepareLabelRequestStep } from "../steps/prepare-label-request"
import { purchaseLabelStep } from "../steps/purchase-label"
import { storeLabelFileStep } from "../steps/store-label-file"
import type { LabelRequestInput } from "../utils/label-request"

/** Input of {@link buyShippingLabelWorkflow}. */
export type BuyShippingLabelWorkflowInput = LabelRequestInput & {
  carrier: CarrierCode
  /** The rate chosen from the rates answer. */
  rate: CarrierRate
  label_format?: LabelFormat
  /** One key per purchase: the same key never buys twice. */
  idempotency_key: string
  actor_id?: string | null
}

/** The label request inside a purchase (everything but the purchase's own fields). */
function labelRequestOf(input: BuyShippingLabelWorkflowInput): LabelRequestInput {
  const request: Partial<BuyShippingLabelWorkflowInput> = { ...input }
  delete request.rate
  delete request.label_format
  delete request.idempotency_key
  delete request.actor_id
  return request as LabelRequestInput
}

export const buyShippingLabelWorkflowId = "order-ops-buy-shipping-label"

/**
 * Buys a carrier label for items of an order, exactly once per idempotency
 * key, and ships them with it: the ledger row is written first (unique key),
 * then the carrier is asked (looking first on a retry), the label file is
 * stored through the file module, and Medusa's fulfillment is created through
 * core's workflow with the tracking number, tracking URL and label URL on
 * its label, with our shipment in Awaiting shipment until the carrier's
 * first scan. If anything after the purchase fails, the label is voided at
 * the carrier (compensation). A test order may only use the sandbox carrier.
 *
 * Locked per order: concurrent requests with one key return the one label.
 *
 * @throws MedusaError INVALID_DATA naming the field; CONFLICT while the same
 *   key's purchase is still at the carrier; NOT_FOUND for an unknown order.
 */
export const buyShippingLabelWorkflow = createWorkflow(
  buyShippingLabelWorkflowId,
  function (input: BuyShippingLabelWorkflowInput) {
    const lockKey = transform({ input }, ({ input }) => `order-ops-label:${input.order_id}`)
    acquireLockStep({ key: lockKey, timeout: 30, ttl: 120 })
    assertOrderNotHeldStep({ order_id: input.order_id })

    const found = findLabelPurchaseStep(
      transform({ input }, ({ input }) => ({ order_id: input.order_id, idempotency_key: input.idempotency_key }))
    )

    // A repeat of a purchase answers with its label before anything is
    // checked against what is left to ship (which that purchase consumed).
    const prepared = prepareLabelRequestStep(
      transform({ input, found }, ({ input, found }) => {
        return { ...labelRequestOf(input), skip: Boolean(found.existing) }
      })
    )

    const claim = claimLabelPurchaseStep(
      transform({ input, prepared, found }, ({ input, prepared, found }) => ({
        prepared,
        existing: found.existing,
        carrier: input.carrier,
        rate: input.rate,
        label_format: input.label_format ?? "PDF",
        idempotency_key: input.idempotency_key,
        actor_id: input.actor_id ?? null,
      }))
    )

    const linkedLabel = when({ claim }, ({ claim }) => claim.claimed).then(() => {
      // Claimed purchases were prepared (only a repeat skips preparation).
      const ready = transform({ prepared }, ({ prepared }) => prepared!)
      const purchase = purchaseLabelStep(
        transform({ input, claim, ready }, ({ input, claim, ready }) => ({
          label: claim.label,
          label_format: input.label_format ?? "PDF",
          rate_request: ready.rate_request,
        }))
      )
      const stored = storeLabelFileStep(purchase)

      const fulfillment = createOrderFulfillmentWorkflow.runAsStep({
        input: transform({ input, ready, stored }, ({ input, ready, stored }) => ({
          order_id: input.order_id,
          items: input.items.map((i) => ({ id: i.line_item_id, quantity: i.quantity })),
          location_id: ready.location_id ?? undefined,
          created_by: input.actor_id ?? undefined,
          no_notification: true,
          labels: [
            {
              tracking_number: stored.tracking_number ?? "",
              tracking_url: stored.tracking_url ?? "",
              label_url: stored.label_url ?? stored.file_url ?? "",
            },
          ],
          metadata: {
            order_ops_shipping_point: ready.international ? "international" : "local",
            order_ops_label_id: stored.id,
          },
        })),
      })

      const shipment = createShipmentStep(
        transform({ input, ready, stored, fulfillment }, ({ input, ready, stored, fulfillment }) => ({
          order_id: input.order_id,
          fulfillment_id: fulfillment.id,
          shipping_point: ready.international ? ("international" as const) : ("local" as const),
          source: "carrier" as const,
          status: "awaiting_shipment" as const,
          carrier: stored.carrier_name ?? stored.carrier,
          tracking_number: stored.tracking_number,
          tracking_url: stored.tracking_url,
          estimated_delivery_at: input.rate.estimated_delivery_at ? new Date(input.rate.estimated_delivery_at) : null,
          notify_customer: true,
          items: ready.items,
          actor_id: input.actor_id ?? null,
        }))
      )

      const linked = linkLabelToShipmentStep(
        transform({ stored, shipment, fulfillment }, ({ stored, shipment, fulfillment }) => ({
          label_id: stored.id,
          shipment_id: shipment.id,
          fulfillment_id: fulfillment.id,
        }))
      )

      recordOrderActivityStep(
        transform({ input, linked, ready }, ({ input, linked, ready }) => [
          {
            order_id: input.order_id,
            kind: "label.purchased",
            actor_type: input.actor_id ? ("user" as const) : ("system" as const),
            actor_id: input.actor_id ?? null,
            resource_type: "shipping_label",
            resource_id: linked.id,
            data: {
              shipment_id: linked.shipment_id,
              carrier: linked.carrier,
              carrier_name: linked.carrier_name,
              service: linked.service,
              amount: Number(linked.amount ?? 0),
              currency_code: linked.currency_code,
              tracking_number: linked.tracking_number,
              is_test: linked.is_test,
              item_count: ready.items.reduce((n, i) => n + i.quantity, 0),
            },
          },
        ])
      )

      emitEventStep({
        eventName: OrderOpsEvents.SHIPMENT_CREATED,
        data: transform({ shipment }, ({ shipment }) => ({ id: shipment.id, order_id: shipment.order_id })),
      }).config({ name: "emit-label-shipment-created" })
      emitEventStep({
        eventName: OrderOpsEvents.LABEL_PURCHASED,
        data: transform({ linked }, ({ linked }) => ({
          id: linked.id,
          order_id: linked.order_id,
          shipment_id: linked.shipment_id,
        })),
      }).config({ name: "emit-label-purchased" })

      refreshOrderStatusWorkflow.runAsStep({
        input: transform({ input }, ({ input }) => ({ order_ids: [input.order_id] })),
      })
      return linked
    })

    releaseLockStep({ key: lockKey })

    const label = transform({ claim, linkedLabel }, ({ claim, linkedLabel }) => ({
      label_id: linkedLabel?.id ?? claim.label.id,
      created: Boolean(linkedLabel),
    }))
    return new WorkflowResponse(label)
  }
)
