import {
  createWorkflow,
  transform,
  WorkflowResponse,
} from "@medusajs/framework/workflows-sdk"
import type { DeleteEntityInput } from "@medusajs/framework/modules-sdk"
import { Modules } from "@medusajs/framework/utils"
import { emitEventStep, removeRemoteLinkStep } from "@medusajs/medusa/core-flows"
import { OrderOpsEvents } from "../../../events"
import { deleteTestOrderOrdersStep } from "../steps/delete-test-order-orders"
import { detachTestOrderFulfillmentsStep, purgeTestOrderFulfillmentsStep } from "../steps/detach-test-order-fulfillments"
import { lockTestOrdersStep, unlockTestOrdersStep } from "../steps/lock-test-orders"
import { loadTestOrdersForDeletionStep } from "../steps/load-test-orders-for-deletion"
import { softDeleteTestOrderDependentsStep } from "../steps/soft-delete-test-order-dependents"
import { softDeleteTestOrderOutboxAndCasesStep } from "../steps/soft-delete-test-order-outbox-and-cases"
import { softDeleteTestOrderRecordsStep } from "../steps/soft-delete-test-order-records"

/** Input of {@link deleteTestOrdersWorkflow}. */
export type DeleteTestOrdersWorkflowInput = {
  /** Order ids (not test_order ids). Every one must be a test order. */
  order_ids: string[]
}

export const deleteTestOrdersWorkflowId = "order-ops-delete-test-orders"

/**
 * Deletes test orders and everything linked to them, whatever they went
 * through (paid, shipped, delivered, completed). First takes the orders'
 * locks, waiting for their own running work (409 if it does not end), then checks every id
 * (a real order: 400, an unknown one: 404 — nothing is touched unless all
 * pass), then removes Medusa's links of the orders, carts and payment
 * collections (link service, restored on failure), soft-deletes the payment
 * collections, carts and generated test customers (restored on failure) and
 * our own notes, activity, shipments, `order_status` and `test_order` rows
 * (restored on failure), ends the fulfillments without Medusa's cancel
 * (restored on failure), and last — irreversible, one call — deletes the
 * orders; a failure there leaves every order exactly as before. The ended,
 * unlinked fulfillments are removed after that. Emits `order_ops.test_order.deleted`
 * per order.
 *
 * @throws MedusaError NOT_ALLOWED (400) for a real order, NOT_FOUND for an unknown id.
 */
export const deleteTestOrdersWorkflow = createWorkflow(
  deleteTestOrdersWorkflowId,
  function (input: DeleteTestOrdersWorkflowInput) {
    // The order's own work (core workflows, auto-complete, status refresh) finishes first and stays out.
    const held = lockTestOrdersStep({ order_ids: input.order_ids })
    const plan = loadTestOrdersForDeletionStep({ order_ids: input.order_ids })

    removeRemoteLinkStep(
      transform({ plan }, ({ plan }) => {
        const entries: DeleteEntityInput[] = [{ [Modules.ORDER]: { order_id: plan.order_ids } }]
        if (plan.cart_ids.length) {
          entries.push({ [Modules.CART]: { cart_id: plan.cart_ids } })
        }
        if (plan.payment_collection_ids.length) {
          entries.push({ [Modules.PAYMENT]: { payment_collection_id: plan.payment_collection_ids } })
        }
        return entries
      })
    ).config({ name: "remove-test-order-links" })

    softDeleteTestOrderDependentsStep(plan)
    const records = softDeleteTestOrderRecordsStep(
      transform({ plan }, ({ plan }) => ({ order_ids: plan.order_ids }))
    )

    softDeleteTestOrderOutboxAndCasesStep(transform({ plan }, ({ plan }) => ({ order_ids: plan.order_ids })))

    detachTestOrderFulfillmentsStep(transform({ plan }, ({ plan }) => ({ fulfillment_ids: plan.fulfillment_ids })))

    // The last step that can fail the delete: everything before it is put back if it does.
    deleteTestOrderOrdersStep(transform({ plan }, ({ plan }) => ({ order_ids: plan.order_ids })))

    purgeTestOrderFulfillmentsStep(transform({ plan }, ({ plan }) => ({ fulfillment_ids: plan.fulfillment_ids }))).config({
      continueOnPermanentFailure: true,
    })

    emitEventStep({
      eventName: OrderOpsEvents.TEST_ORDER_DELETED,
      data: transform({ plan }, ({ plan }) => plan.order_ids.map((order_id) => ({ id: order_id, order_id }))),
    }).config({ name: "emit-test-orders-deleted" })

    unlockTestOrdersStep(held)

    return new WorkflowResponse(
      transform({ plan, records }, ({ plan, records }) => ({
        order_ids: plan.order_ids,
        test_order_ids: records.test_order_ids,
      }))
    )
  }
)
