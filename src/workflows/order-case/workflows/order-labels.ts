import { createWorkflow, transform, when, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import {
  acquireLockStep,
  emitEventStep,
  releaseLockStep,
  sendNotificationsStep,
  useQueryGraphStep,
} from "@medusajs/medusa/core-flows"
import { OrderOpsEvents } from "../../../events"
import { recordOrderActivityStep } from "../../order-activity/steps/record-order-activity"
import { refreshOrderStatusWorkflow } from "../../order-status/workflows/refresh-order-status"
import {
  createOrderLabelStep,
  deleteOrderLabelStep,
  type OrderLabelInput,
  setOrderLabelStep,
  updateOrderLabelStep,
} from "../steps/order-labels"

/** Notification template of "email the customer" when a label is set. */
export const ORDER_LABEL_TEMPLATE = "order-ops-order-label"

export const createOrderLabelWorkflowId = "order-ops-create-order-label"
/** Adds a merchant order label to the list managed in settings. */
export const createOrderLabelWorkflow = createWorkflow(createOrderLabelWorkflowId, function (input: OrderLabelInput) {
  return new WorkflowResponse(createOrderLabelStep(input))
})

export const updateOrderLabelWorkflowId = "order-ops-update-order-label"
/** Renames or recolours a label; orders carrying it show the new name once their rows are recomputed. */
export const updateOrderLabelWorkflow = createWorkflow(
  updateOrderLabelWorkflowId,
  function (input: Partial<OrderLabelInput> & { id: string }) {
    const label = updateOrderLabelStep(input)
    const { data: assignments } = useQueryGraphStep({
      entity: "order_label_assignment",
      fields: ["order_id"],
      filters: { label_id: input.id },
    })
    refreshOrderStatusWorkflow.runAsStep({
      input: transform({ assignments }, ({ assignments }) => ({
        order_ids: (assignments as { order_id: string }[]).map((a) => a.order_id),
      })),
    })
    return new WorkflowResponse(label)
  }
)

export const deleteOrderLabelWorkflowId = "order-ops-delete-order-label"
/** Deletes a label no order carries. */
export const deleteOrderLabelWorkflow = createWorkflow(deleteOrderLabelWorkflowId, function (input: { id: string }) {
  return new WorkflowResponse(deleteOrderLabelStep(input))
})

/** Input of {@link setOrderLabelWorkflow}. */
export type SetOrderLabelWorkflowInput = {
  order_id: string
  /** The label to set; null clears it. */
  label_id: string | null
  /** An optional reference shown beside the label (a supplier order, a ticket). */
  reference?: string | null
  /** Email the customer about it (template `order-ops-order-label`). Default false. */
  notify_customer?: boolean
  actor_id?: string | null
}

export const setOrderLabelWorkflowId = "order-ops-set-order-label"

/**
 * Sets or clears an order's merchant label (a hand-set status beside the
 * computed ones, which stay the truth), records `order.label_set` on the
 * timeline, optionally emails the customer (one idempotency key per
 * timeline entry) and recomputes the order's status row. Locked per order.
 *
 * @throws MedusaError NOT_FOUND for an unknown order; INVALID_DATA for an unknown label.
 */
export const setOrderLabelWorkflow = createWorkflow(
  setOrderLabelWorkflowId,
  function (input: SetOrderLabelWorkflowInput) {
    const lockKey = transform({ input }, ({ input }) => `order-ops-order-case:${input.order_id}`)
    acquireLockStep({ key: lockKey, timeout: 10, ttl: 60 })
    const { data: orders } = useQueryGraphStep({
      entity: "order",
      fields: ["id", "display_id", "email", "customer_id"],
      filters: { id: input.order_id },
      options: { throwIfKeyNotFound: true },
    }).config({ name: "load-order" })

    const result = setOrderLabelStep(input)

    const entries = recordOrderActivityStep(
      transform({ input, result }, ({ input, result }) => [
        {
          order_id: input.order_id,
          kind: "order.label_set",
          actor_type: input.actor_id ? ("user" as const) : ("system" as const),
          actor_id: input.actor_id ?? null,
          resource_type: "order_label",
          resource_id: result.label?.id ?? null,
          data: {
            label: result.label?.name ?? null,
            reference: result.reference,
            previous_label: result.previous_label_name,
            customer_notified: Boolean(input.notify_customer && result.label && result.label.customer_visible),
          },
        },
      ])
    )

    when(
      "notify-customer-of-label",
      { input, result, orders },
      ({ input, result, orders }) =>
        Boolean(input.notify_customer && result.label?.customer_visible && orders[0]?.email)
    ).then(() => {
      sendNotificationsStep(
        transform({ orders, result, entries }, ({ orders, result, entries }) => [
          {
            to: orders[0].email as string,
            channel: "email",
            template: ORDER_LABEL_TEMPLATE,
            trigger_type: OrderOpsEvents.ORDER_LABEL_SET,
            resource_type: "order",
            resource_id: orders[0].id,
            receiver_id: orders[0].customer_id ?? null,
            idempotency_key: `order-ops-order-label:${entries[0].id}`,
            data: {
              order_id: orders[0].id,
              order_display_id: orders[0].display_id,
              label: result.label?.name,
              reference: result.reference,
            },
          },
        ])
      )
    })

    emitEventStep({
      eventName: OrderOpsEvents.ORDER_LABEL_SET,
      data: transform({ input }, ({ input }) => ({ id: input.order_id, order_id: input.order_id })),
    })
    refreshOrderStatusWorkflow.runAsStep({
      input: transform({ input }, ({ input }) => ({ order_ids: [input.order_id] })),
    })
    releaseLockStep({ key: lockKey })
    return new WorkflowResponse(result)
  }
)
