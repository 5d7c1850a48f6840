import {
  createWorkflow,
  parallelize,
  transform,
  when,
  WorkflowResponse,
} from "@medusajs/framework/workflows-sdk"
import { emitEventStep, useQueryGraphStep } from "@medusajs/medusa/core-flows"
import { OrderOpsEvents } from "../../../events"
import type { OrderStatusDTO } from "../../../types"
import { beginOrderStatusComputationStep } from "../steps/begin-order-status-computation"
import { loadOrderCaseSummariesStep } from "../../order-case/steps/load-order-case-summaries"
import { enqueueOrderWebhooks } from "../../order-webhooks/workflows/enqueue-order-webhook-events"
import { resolveStatusOrderIdsStep } from "../steps/resolve-status-order-ids"
import { upsertOrderStatusesStep } from "../steps/upsert-order-statuses"
import {
  buildOrderStatusRow,
  ORDER_STATUS_SOURCE_FIELDS,
  type OrderStatusShipmentSource,
  type OrderStatusSource,
} from "../utils/build-order-status-row"
import { DELIVERY_STATUS_SOURCE_FIELDS, type DeliveryStatusSource } from "../utils/compute-delivery-status"

/** Input of {@link refreshOrderStatusWorkflow}. */
export type RefreshOrderStatusWorkflowInput = {
  /** The orders to recompute. Duplicates are ignored; unknown ids and draft orders are skipped. */
  order_ids: string[]
  /** Also recompute the orders of these payments (events carry a payment id). */
  payment_ids?: string[]
  /** Also recompute the orders of these fulfillments (events carry a fulfillment id). */
  fulfillment_ids?: string[]
}

/** Result of {@link refreshOrderStatusWorkflow}. */
export type RefreshOrderStatusWorkflowOutput = {
  /** The rows written, one per known order. */
  order_statuses: OrderStatusDTO[]
}

export const refreshOrderStatusWorkflowId = "order-ops-refresh-order-status"

/** Fields of our shipments the statuses need. */
export const ORDER_STATUS_SHIPMENT_FIELDS = ["id", "order_id", "status", "shipping_point", "created_at"]

/**
 * Recomputes the persisted statuses of orders and writes their
 * `order_status` rows. Payment and fulfillment ids are first resolved to
 * their orders. Loads every order in one `query.graph` call and their
 * shipments in one more, whatever the number of orders, then computes the
 * fulfillment and payment status of each with the pure functions
 * `computeFulfillmentStatus` and `computePaymentStatus`.
 *
 * No lock: the database clock is read before anything else and stored as
 * `computed_at`, and each row is written by one guarded upsert that only
 * replaces a row computed by a computation that began earlier. Refreshes of
 * one order running at once in any processes (a route on the server, a
 * subscriber in a worker) end with the row of the one that began last,
 * which read everything committed before it began; a refresh that crashes
 * or never runs is made good by the heal job (`order-status-heal`). If the
 * write is compensated, the previous rows are put back unless a later
 * computation has already replaced them.
 *
 * When a write changes an order's fulfillment or payment status (not its
 * first row: see `orderStatusChanges`), emits `order_ops.order.status_changed`
 * with the old and new of both, after the workflow succeeds.
 *
 * Run it after anything that can change an order's statuses; subscribers do
 * so for Medusa's order, fulfillment, return and payment events and for our
 * shipment events.
 */
export const refreshOrderStatusWorkflow = createWorkflow(
  refreshOrderStatusWorkflowId,
  function (input: RefreshOrderStatusWorkflowInput) {
    const orderIds = resolveStatusOrderIdsStep({
      order_ids: input.order_ids,
      payment_ids: input.payment_ids,
      fulfillment_ids: input.fulfillment_ids,
    })

    const written = when("order-ids-given", { orderIds }, ({ orderIds }) => orderIds.length > 0).then(
      () => {
        // Before any read: the instant this computation's view of the data begins.
        const startedAt = beginOrderStatusComputationStep()

        const [orders, shipments, testOrders, deliveries] = parallelize(
          useQueryGraphStep({
            entity: "order",
            fields: ORDER_STATUS_SOURCE_FIELDS,
            filters: { id: orderIds, is_draft_order: false },
          }).config({ name: "load-orders-for-status" }),
          useQueryGraphStep({
            entity: "shipment",
            fields: ORDER_STATUS_SHIPMENT_FIELDS,
            filters: { order_id: orderIds },
          }).config({ name: "load-shipments-for-status" }),
          useQueryGraphStep({
            entity: "test_order",
            fields: ["order_id"],
            filters: { order_id: orderIds },
          }).config({ name: "load-test-orders-for-status" }),
          useQueryGraphStep({
            entity: "delivery",
            fields: DELIVERY_STATUS_SOURCE_FIELDS,
            filters: { order_id: orderIds },
          }).config({ name: "load-deliveries-for-status" })
        )

        const orderCases = loadOrderCaseSummariesStep({ order_ids: orderIds })

        const rows = transform(
          { orders, shipments, testOrders, deliveries, orderCases, startedAt },
          ({ orders, shipments, testOrders, deliveries, orderCases, startedAt }) => {
          const computedAt = new Date(startedAt)
          const byOrder = new Map<string, OrderStatusShipmentSource[]>()
          for (const shipment of shipments.data as unknown as OrderStatusShipmentSource[]) {
            const list = byOrder.get(shipment.order_id) ?? []
            list.push(shipment)
            byOrder.set(shipment.order_id, list)
          }
          const testOrderIds = new Set(
            (testOrders.data as unknown as { order_id: string }[]).map((t) => t.order_id)
          )
          const deliveriesByOrder = new Map<string, (DeliveryStatusSource & { order_id: string })[]>()
          for (const delivery of deliveries.data as unknown as (DeliveryStatusSource & { order_id: string })[]) {
            deliveriesByOrder.set(delivery.order_id, [...(deliveriesByOrder.get(delivery.order_id) ?? []), delivery])
          }
          return (orders.data as unknown as OrderStatusSource[]).map((order) =>
            buildOrderStatusRow(
              order,
              byOrder.get(order.id) ?? [],
              computedAt,
              testOrderIds.has(order.id),
              deliveriesByOrder.get(order.id) ?? [],
              orderCases[order.id]
            )
          )
        })

        const upserted = upsertOrderStatusesStep(rows)
        // Sent only once the workflow succeeds; the webhook outbox turns it into
        // `order.fulfillment_status_changed` / `order.payment_status_changed`.
        emitEventStep({
          eventName: OrderOpsEvents.ORDER_STATUS_CHANGED,
          data: transform({ upserted }, ({ upserted }) => upserted.changes),
        }).config({ name: "emit-order-status-changed" })
        enqueueOrderWebhooks(
          transform({ upserted }, ({ upserted }) => upserted.changes.map((change) => ({ source: "order.status_changed" as const, ...change })))
        )
        return upserted
      }
    )

    return new WorkflowResponse(
      transform({ written }, ({ written }): RefreshOrderStatusWorkflowOutput => ({
        order_statuses: written?.order_statuses ?? [],
      }))
    )
  }
)
