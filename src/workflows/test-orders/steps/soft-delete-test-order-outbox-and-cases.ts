import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { ORDER_CASE_MODULE } from "../../../modules/order-case"
import type OrderCaseModuleService from "../../../modules/order-case/service"
import { ORDER_WEBHOOK_MODULE } from "../../../modules/order-webhook"
import type OrderWebhookModuleService from "../../../modules/order-webhook/service"

/** Ids of the orders' webhook outbox and case records, per kind. */
export type TestOrderOutboxAndCaseRecords = {
  webhook_event_ids: string[]
  /** Messages of those events to the endpoints that opted in to test orders. */
  webhook_delivery_ids: string[]
  webhook_reference_ids: string[]
  hold_ids: string[]
  label_assignment_ids: string[]
  dispute_ids: string[]
  checkout_context_ids: string[]
}

export const softDeleteTestOrderOutboxAndCasesStepId = "order-ops-soft-delete-test-order-outbox-and-cases"

/**
 * Soft-deletes the test orders' outgoing-webhook records (outbox events,
 * their messages, the order reference) and their case records (holds,
 * label assignments, disputes, the checkout's IP and user agent), so a
 * deleted test order leaves nothing that names it and no message is sent
 * for it afterwards. Compensation restores exactly those rows.
 */
export const softDeleteTestOrderOutboxAndCasesStep = createStep(
  softDeleteTestOrderOutboxAndCasesStepId,
  async (input: { order_ids: string[] }, { container }) => {
    const webhooks = container.resolve<OrderWebhookModuleService>(ORDER_WEBHOOK_MODULE)
    const cases = container.resolve<OrderCaseModuleService>(ORDER_CASE_MODULE)
    const filter = { order_id: input.order_ids }
    const ids = (rows: { id: string }[]) => rows.map((r) => r.id)
    const eventIds = input.order_ids.length ? ids(await webhooks.listWebhookEvents(filter, { select: ["id"] })) : []
    const records: TestOrderOutboxAndCaseRecords = {
      webhook_event_ids: eventIds,
      webhook_delivery_ids: eventIds.length
        ? ids(await webhooks.listWebhookDeliveries({ event_id: eventIds }, { select: ["id"] }))
        : [],
      webhook_reference_ids: input.order_ids.length
        ? ids(await webhooks.listWebhookOrderReferences(filter, { select: ["id"] }))
        : [],
      hold_ids: input.order_ids.length ? ids(await cases.listOrderHolds(filter, { select: ["id"] })) : [],
      label_assignment_ids: input.order_ids.length
        ? ids(await cases.listOrderLabelAssignments(filter, { select: ["id"] }))
        : [],
      dispute_ids: input.order_ids.length ? ids(await cases.listDisputes(filter, { select: ["id"] })) : [],
      checkout_context_ids: input.order_ids.length
        ? ids(await cases.listCheckoutContexts(filter, { select: ["id"] }))
        : [],
    }
    if (records.webhook_delivery_ids.length) await webhooks.softDeleteWebhookDeliveries(records.webhook_delivery_ids)
    if (records.webhook_event_ids.length) await webhooks.softDeleteWebhookEvents(records.webhook_event_ids)
    if (records.webhook_reference_ids.length) await webhooks.softDeleteWebhookOrderReferences(records.webhook_reference_ids)
    if (records.hold_ids.length) await cases.softDeleteOrderHolds(records.hold_ids)
    if (records.label_assignment_ids.length) await cases.softDeleteOrderLabelAssignments(records.label_assignment_ids)
    if (records.dispute_ids.length) await cases.softDeleteDisputes(records.dispute_ids)
    if (records.checkout_context_ids.length) await cases.softDeleteCheckoutContexts(records.checkout_context_ids)
    return new StepResponse(records, records)
  },
  async (records, { container }) => {
    if (!records) {
      return
    }
    const webhooks = container.resolve<OrderWebhookModuleService>(ORDER_WEBHOOK_MODULE)
    const cases = container.resolve<OrderCaseModuleService>(ORDER_CASE_MODULE)
    if (records.webhook_event_ids.length) await webhooks.restoreWebhookEvents(records.webhook_event_ids)
    if (records.webhook_delivery_ids.length) await webhooks.restoreWebhookDeliveries(records.webhook_delivery_ids)
    if (records.webhook_reference_ids.length) await webhooks.restoreWebhookOrderReferences(records.webhook_reference_ids)
    if (records.hold_ids.length) await cases.restoreOrderHolds(records.hold_ids)
    if (records.label_assignment_ids.length) await cases.restoreOrderLabelAssignments(records.label_assignment_ids)
    if (records.dispute_ids.length) await cases.restoreDisputes(records.dispute_ids)
    if (records.checkout_context_ids.length) await cases.restoreCheckoutContexts(records.checkout_context_ids)
  }
)
