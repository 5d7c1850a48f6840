import { randomUUID } from "crypto"
import {
  createWorkflow,
  parallelize,
  transform,
  when,
  WorkflowResponse,
} from "@medusajs/framework/workflows-sdk"
import {
  acquireLockStep,
  releaseLockStep,
  useQueryGraphStep,
} from "@medusajs/medusa/core-flows"
import type { OrderStatusDTO } from "../../../types"
import { loadOrderCaseSummariesStep } from "../../order-case/steps/load-order-case-summaries"
import { resolveStatusOrderIdsStep } from "../steps/resolve-status-order-ids"
import { upsertOrderStatusesStep } from "../steps/upsert-order-statuses"
import {
  buildOrderStatusRow,
  ORDER_STATUS_SOURCE_FIELDS,
  type OrderStatusShipmentSource,
  type OrderStatusSource,
} from "../utils/build-order-status-row"

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

/** Lock key of one order's status row (its own namespace, so a caller's order lock never blocks it). */
export const orderStatusLockKey = (orderId: string) => `order-ops-order-status:${orderId}`

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
 * The rows are locked per order while they are recomputed, so two refreshes
 * of one order (events arriving together) run one after the other and the
 * later one, which read the later state, writes last. If writing fails the
 * previous rows are put back.
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
        const lock = transform({ orderIds }, ({ orderIds }) => ({
          keys: orderIds.map(orderStatusLockKey),
          // One owner per run, so a retry re-acquires the keys it already holds.
          owner: `order-ops-refresh-order-status:${randomUUID()}`,
        }))
        acquireLockStep({
          key: lock.keys,
          ownerId: lock.owner,
          timeout: 30,
          ttl: 120,
          executeOnSubWorkflow: true,
        })

        const [orders, shipments, testOrders] = parallelize(
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
          }).config({ name: "load-test-orders-for-status" })
        )

        const orderCases = loadOrderCaseSummariesStep({ order_ids: orderIds })

        const rows = transform({ orders, shipments, testOrders, orderCases }, ({ orders, shipments, testOrders, orderCases }) => {
          const computedAt = new Date()
          const byOrder = new Map<string, OrderStatusShipmentSource[]>()
          for (const shipment of shipments.data as unknown as OrderStatusShipmentSource[]) {
            const list = byOrder.get(shipment.order_id) ?? []
            list.push(shipment)
            byOrder.set(shipment.order_id, list)
          }
          const testOrderIds = new Set(
            (testOrders.data as unknown as { order_id: string }[]).map((t) => t.order_id)
          )
          return (orders.data as unknown as OrderStatusSource[]).map((order) =>
            buildOrderStatusRow(order, byOrder.get(order.id) ?? [], computedAt, testOrderIds.has(order.id), orderCases[order.id])
          )
        })

        const upserted = upsertOrderStatusesStep(rows)

        releaseLockStep({ key: lock.keys, ownerId: lock.owner, executeOnSubWorkflow: true })
        return upserted
      }
    )

    return new WorkflowResponse(
      transform({ written }, ({ written }): RefreshOrderStatusWorkflowOutput => ({
        order_statuses: written ?? [],
      }))
    )
  }
)
