import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { ORDER_ACTIVITY_MODULE } from "../../../modules/order-activity"
import type OrderActivityModuleService from "../../../modules/order-activity/service"
import { ORDER_NOTE_MODULE } from "../../../modules/order-note"
import type OrderNoteModuleService from "../../../modules/order-note/service"
import { ORDER_STATUS_MODULE } from "../../../modules/order-status"
import type OrderStatusModuleService from "../../../modules/order-status/service"
import { SHIPMENT_MODULE } from "../../../modules/shipment"
import type ShipmentModuleService from "../../../modules/shipment/service"
import { TEST_ORDER_MODULE } from "../../../modules/test-order"
import { DIGITAL_DELIVERY_MODULE } from "../../../modules/digital-delivery"
import type DigitalDeliveryModuleService from "../../../modules/digital-delivery/service"
import type TestOrderModuleService from "../../../modules/test-order/service"

/** Ids of our own records of the orders, per module. */
export type TestOrderOwnRecords = {
  note_ids: string[]
  activity_ids: string[]
  shipment_ids: string[]
  /** Sandbox labels (a test order never has another kind). */
  label_ids: string[]
  /** Digital deliveries (with their attempt log) and download grants. */
  delivery_ids: string[]
  grant_ids: string[]
  /** Follow-ups of delivered items (instructions email, completion). */
  follow_up_ids?: string[]
  status_ids: string[]
  test_order_ids: string[]
}

export const softDeleteTestOrderRecordsStepId = "order-ops-soft-delete-test-order-records"

/**
 * Soft-deletes this plugin's records of the orders: notes, timeline
 * activity, shipments, shipping labels, digital deliveries and download grants, `order_status` rows and the `test_order` rows.
 * Compensation restores exactly those rows. The final step removes them for
 * good once the orders themselves are gone.
 */
export const softDeleteTestOrderRecordsStep = createStep(
  softDeleteTestOrderRecordsStepId,
  async (input: { order_ids: string[] }, { container }) => {
    const notes: OrderNoteModuleService = container.resolve(ORDER_NOTE_MODULE)
    const activity: OrderActivityModuleService = container.resolve(ORDER_ACTIVITY_MODULE)
    const shipments: ShipmentModuleService = container.resolve(SHIPMENT_MODULE)
    const statuses: OrderStatusModuleService = container.resolve(ORDER_STATUS_MODULE)
    const tests: TestOrderModuleService = container.resolve(TEST_ORDER_MODULE)
    const deliveries: DigitalDeliveryModuleService = container.resolve(DIGITAL_DELIVERY_MODULE)
    const filter = { order_id: input.order_ids }
    const ids = (rows: { id: string }[]) => rows.map((r) => r.id)
    const records: TestOrderOwnRecords = {
      note_ids: ids(await notes.listOrderNotes(filter, { select: ["id"] })),
      activity_ids: ids(await activity.listOrderActivities(filter, { select: ["id"] })),
      shipment_ids: ids(await shipments.listShipments(filter, { select: ["id"] })),
      label_ids: ids(await shipments.listShippingLabels(filter, { select: ["id"] })),
      delivery_ids: ids(await deliveries.listDeliveries(filter, { select: ["id"] })),
      grant_ids: ids(await deliveries.listDownloadGrants(filter, { select: ["id"] })),
      follow_up_ids: ids(await deliveries.listDeliveryFollowUps(filter, { select: ["id"] })),
      status_ids: ids(await statuses.listOrderStatusRows(filter, { select: ["id"] })),
      test_order_ids: ids(await tests.listTestOrders(filter, { select: ["id"] })),
    }
    if (records.note_ids.length) await notes.softDeleteOrderNotes(records.note_ids)
    if (records.activity_ids.length) await activity.softDeleteOrderActivities(records.activity_ids)
    if (records.shipment_ids.length) await shipments.softDeleteShipments(records.shipment_ids)
    if (records.label_ids.length) await shipments.softDeleteShippingLabels(records.label_ids)
    if (records.delivery_ids.length) await deliveries.softDeleteDeliveries(records.delivery_ids)
    if (records.grant_ids.length) await deliveries.softDeleteDownloadGrants(records.grant_ids)
    if (records.follow_up_ids?.length) await deliveries.softDeleteDeliveryFollowUps(records.follow_up_ids)
    if (records.status_ids.length) await statuses.softDeleteOrderStatusRows(records.status_ids)
    if (records.test_order_ids.length) await tests.softDeleteTestOrders(records.test_order_ids)
    return new StepResponse(records, records)
  },
  async (records, { container }) => {
    if (!records) {
      return
    }
    const notes: OrderNoteModuleService = container.resolve(ORDER_NOTE_MODULE)
    const activity: OrderActivityModuleService = container.resolve(ORDER_ACTIVITY_MODULE)
    const shipments: ShipmentModuleService = container.resolve(SHIPMENT_MODULE)
    const statuses: OrderStatusModuleService = container.resolve(ORDER_STATUS_MODULE)
    const tests: TestOrderModuleService = container.resolve(TEST_ORDER_MODULE)
    if (records.note_ids.length) await notes.restoreOrderNotes(records.note_ids)
    if (records.activity_ids.length) await activity.restoreOrderActivities(records.activity_ids)
    if (records.shipment_ids.length) await shipments.restoreShipments(records.shipment_ids)
    if (records.label_ids?.length) await shipments.restoreShippingLabels(records.label_ids)
    const deliveries: DigitalDeliveryModuleService = container.resolve(DIGITAL_DELIVERY_MODULE)
    if (records.delivery_ids?.length) await deliveries.restoreDeliveries(records.delivery_ids)
    if (records.grant_ids?.length) await deliveries.restoreDownloadGrants(records.grant_ids)
    if (records.follow_up_ids?.length) await deliveries.restoreDeliveryFollowUps(records.follow_up_ids)
    if (records.status_ids.length) await statuses.restoreOrderStatusRows(records.status_ids)
    if (records.test_order_ids.length) await tests.restoreTestOrders(records.test_order_ids)
  }
)
