import { createWorkflow, transform, when, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { useQueryGraphStep } from "@medusajs/medusa/core-flows"
import { SHIPMENT_STATUS_LABELS } from "../../../modules/shipment/state-machine"
import { recordOrderActivityStep } from "../../order-activity/steps/record-order-activity"
import { announceShipmentMoves, type ShipmentMove } from "../../shipments/utils/announce-shipment-moves"
import { ORDER_STATUS_SHIPMENT_FIELDS, refreshOrderStatusWorkflow } from "../../order-status/workflows/refresh-order-status"
import { beginOrderStatusComputationStep } from "../../order-status/steps/begin-order-status-computation"
import { writeOrderShipmentStatusesStep } from "../../order-status/steps/write-order-shipment-statuses"
import type { OrderStatusShipmentSource } from "../../order-status/utils/build-order-status-row"
import { movesOrderFulfillmentStatus } from "../../order-status/utils/compute-fulfillment-status"
import { applyCarrierWebhookBatchStep } from "../steps/apply-carrier-webhook-batch"
import { applyCarrierWebhooksStep } from "../steps/apply-carrier-webhooks"

export const applyCarrierWebhooksWorkflowId = "order-ops-apply-carrier-webhooks"

/**
 * Applies a leased batch of carrier webhook inbox rows. Each shipment's
 * pending events are applied in order in one transaction for the whole
 * batch (`applyCarrierWebhookBatchStep`), with one timeline entry and one
 * `order_ops.shipment.status_changed` per move, like
 * `recordShipmentEventWorkflow` writes; rows whose moves must also move a
 * Medusa fulfillment (first departure, delivery, cancel) go one event at a
 * time through that workflow instead (`applyCarrierWebhooksStep`). Then the
 * statuses of every order whose shipments moved are brought up to date once
 * per order per batch, not once per event: the shipment statuses alone
 * (one statement for the batch) when no move can change the order's
 * fulfillment status, else the full refresh.
 */
export const applyCarrierWebhooksWorkflow = createWorkflow(
  applyCarrierWebhooksWorkflowId,
  function (input: { ids: string[] }) {
    const batch = applyCarrierWebhookBatchStep(input)

    when({ batch }, ({ batch }) => batch.moves.length > 0).then(() => {
      recordOrderActivityStep(
        transform({ batch }, ({ batch }) =>
          batch.moves.map((move) => ({
            order_id: move.order_id,
            kind: "shipment.status_changed",
            actor_type: "system" as const,
            actor_id: null,
            resource_type: "shipment",
            resource_id: move.shipment_id,
            occurred_at: new Date(move.occurred_at),
            data: {
              from: move.from,
              to: move.to,
              from_label: SHIPMENT_STATUS_LABELS[move.from],
              to_label: SHIPMENT_STATUS_LABELS[move.to],
              pickup: move.pickup,
              source: "carrier",
              message: move.message,
              location: move.location,
              tracking_number: move.tracking_number,
            },
          }))
        )
      )
    })

    const oneByOne = when({ batch }, ({ batch }) => batch.deferred.length > 0).then(() =>
      applyCarrierWebhooksStep(transform({ batch }, ({ batch }) => ({ ids: batch.deferred })))
    )

    // Orders whose shipments only moved in ways that cannot change their
    // fulfillment status (shipped → in transit → out for delivery) get their
    // shipment statuses written alone; the others are recomputed in full.
    const split = transform({ batch }, ({ batch }) => {
      const crossing = new Set(batch.moves.filter((m) => movesOrderFulfillmentStatus(m.from, m.to)).map((m) => m.order_id))
      return {
        alone: batch.order_ids.filter((id) => !crossing.has(id)),
        full: batch.order_ids.filter((id) => crossing.has(id)),
      }
    })
    const alone = when("shipment-statuses-alone", { split }, ({ split }) => split.alone.length > 0).then(() => {
      const computedAt = beginOrderStatusComputationStep().config({ name: "begin-shipment-statuses-computation" })
      const shipments = useQueryGraphStep({
        entity: "shipment",
        fields: ORDER_STATUS_SHIPMENT_FIELDS,
        filters: transform({ split }, ({ split }) => ({ order_id: split.alone })),
      }).config({ name: "load-shipments-for-shipment-statuses" })
      return writeOrderShipmentStatusesStep(
        transform({ split, computedAt, shipments }, ({ split, computedAt, shipments }) => ({
          computed_at: computedAt,
          order_ids: split.alone,
          shipments: shipments.data as unknown as OrderStatusShipmentSource[],
        }))
      )
    })
    const fullRefresh = transform({ split, alone, oneByOne }, ({ split, alone, oneByOne }) => ({
      // An order without a row yet gets its first one from the full refresh.
      order_ids: [...new Set([...split.full, ...(alone?.missing_order_ids ?? []), ...(oneByOne?.order_ids ?? [])])],
    }))
    when("full-status-refresh", { fullRefresh }, ({ fullRefresh }) => fullRefresh.order_ids.length > 0).then(() => {
      refreshOrderStatusWorkflow.runAsStep({ input: fullRefresh })
    })

    when({ batch }, ({ batch }) => batch.moves.length > 0).then(() => {
      announceShipmentMoves(
        transform({ batch }, ({ batch }): ShipmentMove[] =>
          batch.moves.map((move) => ({
            id: move.shipment_id,
            order_id: move.order_id,
            status: move.to,
            previous_status: move.from,
            notify_customer: move.notify_customer,
          }))
        ),
        "emit-shipment-status-changed"
      )
    })

    const outcome = transform({ batch, oneByOne }, ({ batch, oneByOne }) => ({
      processed: batch.processed.length + (oneByOne?.processed ?? 0),
      ignored: batch.ignored.length + (oneByOne?.ignored ?? 0),
      failed: oneByOne?.failed ?? 0,
      applied: batch.moves.length,
      order_ids: [...new Set([...batch.order_ids, ...(oneByOne?.order_ids ?? [])])],
    }))
    return new WorkflowResponse(outcome)
  }
)
