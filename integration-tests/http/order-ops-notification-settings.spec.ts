import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { Modules, PaymentEvents } from "@medusajs/framework/utils"
import type { MedusaContainer } from "@medusajs/framework/types"
import { createOrderPaymentCollectionWorkflow, markPaymentCollectionAsPaid, refundPaymentWorkflow } from "@medusajs/medusa/core-flows"
import { OrderOpsEvents, type ShipmentEventData } from "../../src/events"
import { ORDER_NOTE_MODULE } from "../../src/modules/order-note"
import type OrderNoteModuleService from "../../src/modules/order-note/service"
import { SHIPMENT_MODULE } from "../../src/modules/shipment"
import type ShipmentModuleService from "../../src/modules/shipment/service"
import refundNotifyCustomer from "../../src/subscribers/refund-notify-customer"
import shipmentNotifyTrackingChanged from "../../src/subscribers/shipment-notify-tracking-changed"
import staffAlertNewOrder from "../../src/subscribers/staff-alert-new-order"
import { TEST_ORDER_MODULE } from "../../src/modules/test-order"
import type TestOrderModuleService from "../../src/modules/test-order/service"
import { updateShipmentWorkflow } from "../../src/workflows/shipments/workflows/update-shipment"
import { notifyCustomerOfOrderNoteWorkflow } from "../../src/workflows/order-notes/workflows/notify-customer-of-order-note"
import { saveNotificationSettingsWorkflow } from "../../src/workflows/order-ops-settings/workflows/save-notification-settings"
import { sendStaffAlertWorkflow } from "../../src/workflows/order-ops-settings/workflows/send-staff-alert"
import { notifyCustomerOfShipmentWorkflow } from "../../src/workflows/shipments/workflows/notify-customer-of-shipment"
import { type Api, createAdmin, type Headers, settle } from "../helpers/fixtures"

process.env.MEDUSA_WORKER_MODE = "server"

jest.setTimeout(240 * 1000)

medusaIntegrationTestRunner({
  inApp: true,
  env: { LOG_LEVEL: "error" },
  testSuite: ({ api: rawApi, getContainer }) => {
    const api = rawApi as Api
    let container: MedusaContainer
    let admin: Headers

    const sentTo = async (to: string) => container.resolve(Modules.NOTIFICATION).listNotifications({ to })
    const createOrder = async (email: string) =>
      (
        await container.resolve(Modules.ORDER).createOrders([
          { currency_code: "eur", email, items: [{ title: "Mug", quantity: 1, unit_price: 10 }] },
        ])
      )[0]

    /** Every `order_ops.shipment.updated` the event bus carried (subscribers are not loaded in server mode). */
    const shipmentUpdates: ShipmentEventData[] = []
    type Handler = (args: { event: { name: string; data: unknown }; container: MedusaContainer; pluginOptions: Record<string, unknown> }) => Promise<void>
    const deliver = async (handler: unknown, name: string, data: unknown) =>
      (handler as Handler)({ event: { name, data }, container, pluginOptions: {} })
    /** A paid order (10 EUR captured through the system provider) and its payment id. */
    const paidOrder = async (email: string) => {
      const order = await createOrder(email)
      const { result: collections } = await createOrderPaymentCollectionWorkflow(container).run({ input: { order_id: order.id, amount: 10 } })
      const { result: payment } = await markPaymentCollectionAsPaid(container).run({
        input: { order_id: order.id, payment_collection_id: collections[0].id },
      })
      return { order, payment_id: payment!.id as string }
    }

    beforeAll(() => {
      container = getContainer()
      container.resolve(Modules.EVENT_BUS).subscribe(
        OrderOpsEvents.SHIPMENT_UPDATED,
        async ({ data }) => {
          shipmentUpdates.push(data as ShipmentEventData)
        },
        { subscriberId: "test-capture-shipment-updated" }
      )
    })
    beforeEach(async () => {
      admin = await createAdmin(api, getContainer())
    })

    it("shows the settings seeded from the plugin options, saves changes, refuses bad input naming the field", async () => {
      const { data } = await api.get("/admin/order-ops/settings/notifications", admin)
      expect(data.settings.customer.note_shared).toMatchObject({ enabled: true, template: "order-ops-note-visible" })
      expect(data.settings.customer.refund_issued).toMatchObject({ enabled: true, template: "order-ops-refund-issued" })
      expect(data.settings.staff.new_order).toMatchObject({ enabled: true, recipients: [] })

      const bad = await settle(api.post("/admin/order-ops/settings/notifications", { staff: { new_order: { recipients: ["not-an-email"] } } }, admin))
      expect(bad.status).toBe(400)
      expect(bad.data.message).toContain("recipients")
      const unknown = await settle(api.post("/admin/order-ops/settings/notifications", { customer: { nope: { enabled: false } } }, admin))
      expect(unknown.status).toBe(400)
      expect((await api.get("/admin/order-ops/settings/notifications", admin)).data).toEqual(data)

      const saved = await api.post(
        "/admin/order-ops/settings/notifications",
        { customer: { shipped: { enabled: false, template: "my-shipped" } }, staff: { new_order: { recipients: ["ops@example.com"] } } },
        admin
      )
      expect(saved.data.settings.customer.shipped).toMatchObject({ enabled: false, template: "my-shipped" })
      expect(saved.data.settings.staff.new_order.recipients).toEqual(["ops@example.com"])
    })

    it("note shared: switched off, nothing is sent; on, it is sent with the template from the settings", async () => {
      const order = await createOrder("note-customer@example.com")
      const [note] = await container.resolve<OrderNoteModuleService>(ORDER_NOTE_MODULE).createOrderNotes([
        { order_id: order.id, body: "Your parcel leaves tomorrow", visible_to_customer: true, author_id: null },
      ])
      await saveNotificationSettingsWorkflow(container).run({ input: { customer: { note_shared: { enabled: false } } } })
      const off = await notifyCustomerOfOrderNoteWorkflow(container).run({ input: { note_id: note.id } })
      expect(off.result.sent).toBe(false)
      expect(await sentTo("note-customer@example.com")).toHaveLength(0)

      await saveNotificationSettingsWorkflow(container).run({ input: { customer: { note_shared: { enabled: true, template: "custom-note" } } } })
      const on = await notifyCustomerOfOrderNoteWorkflow(container).run({ input: { note_id: note.id } })
      expect(on.result.sent).toBe(true)
      const sent = await sentTo("note-customer@example.com")
      expect(sent.map((n) => n.template)).toEqual(["custom-note"])
    })

    it.each([
      ["shipped", "shipped", "local"],
      ["out_for_delivery", "out_for_delivery", "local"],
      ["delivered", "delivered", "local"],
      ["picked_up", "delivered", "pickup"],
      ["delivery_failed", "delivery_failed", "local"],
    ] as const)("shipment %s: switched off, nothing is sent; on, it is sent", async (kind, status, point) => {
      const email = `ship-${kind}@example.com`
      const order = await createOrder(email)
      const shipments = container.resolve<ShipmentModuleService>(SHIPMENT_MODULE)
      const [shipment] = await shipments.createShipments([{ order_id: order.id, shipping_point: point, status }])
      await saveNotificationSettingsWorkflow(container).run({ input: { customer: { [kind]: { enabled: false } } } })
      expect((await notifyCustomerOfShipmentWorkflow(container).run({ input: { shipment_id: shipment.id, status } })).result.sent).toBe(false)
      expect(await sentTo(email)).toHaveLength(0)
      await saveNotificationSettingsWorkflow(container).run({ input: { customer: { [kind]: { enabled: true, template: `tpl-${kind}` } } } })
      expect((await notifyCustomerOfShipmentWorkflow(container).run({ input: { shipment_id: shipment.id, status } })).result.sent).toBe(true)
      expect((await sentTo(email)).map((n) => n.template)).toEqual([`tpl-${kind}`])
    })

    it("tracking details changed: an edit of a shipped parcel's tracking number emits the flag; switched off, nothing is sent; on, exactly one, also when the event comes twice", async () => {
      const email = "tracking-customer@example.com"
      const order = await createOrder(email)
      const shipments = container.resolve<ShipmentModuleService>(SHIPMENT_MODULE)
      const [shipment] = await shipments.createShipments([
        { order_id: order.id, shipping_point: "local", status: "shipped", carrier: "postnord", tracking_number: "OLD123" },
      ])
      const edit = async (tracking_number: string) => {
        shipmentUpdates.length = 0
        await updateShipmentWorkflow(container).run({ input: { shipment_id: shipment.id, tracking_number } })
        const deadline = Date.now() + 10000
        while (!shipmentUpdates.length && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50))
        expect(shipmentUpdates).toHaveLength(1)
        return shipmentUpdates[0]
      }

      await saveNotificationSettingsWorkflow(container).run({ input: { customer: { tracking_changed: { enabled: false } } } })
      const first = await edit("NEW456")
      expect(first).toMatchObject({ id: shipment.id, order_id: order.id, tracking_changed: true, updated_at: expect.any(String) })
      await deliver(shipmentNotifyTrackingChanged, OrderOpsEvents.SHIPMENT_UPDATED, first)
      expect(await sentTo(email)).toHaveLength(0)

      await saveNotificationSettingsWorkflow(container).run({ input: { customer: { tracking_changed: { enabled: true, template: "tpl-tracking" } } } })
      const second = await edit("NEW789")
      await deliver(shipmentNotifyTrackingChanged, OrderOpsEvents.SHIPMENT_UPDATED, second)
      await deliver(shipmentNotifyTrackingChanged, OrderOpsEvents.SHIPMENT_UPDATED, second)
      const sent = await sentTo(email)
      expect(sent).toHaveLength(1)
      expect(sent[0]).toMatchObject({
        template: "tpl-tracking",
        trigger_type: "order_ops.shipment.tracking_changed",
        resource_id: shipment.id,
        data: expect.objectContaining({ tracking_number: "NEW789", status: "shipped" }),
      })

      // An edit of the ETA only is not a tracking change.
      shipmentUpdates.length = 0
      await updateShipmentWorkflow(container).run({ input: { shipment_id: shipment.id, estimated_delivery_at: new Date("2041-06-01T00:00:00Z") } })
      const deadline = Date.now() + 10000
      while (!shipmentUpdates.length && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50))
      expect(shipmentUpdates[0]).toMatchObject({ tracking_changed: false })
      await deliver(shipmentNotifyTrackingChanged, OrderOpsEvents.SHIPMENT_UPDATED, shipmentUpdates[0])
      expect(await sentTo(email)).toHaveLength(1)
    })

    it("tracking details changed: nothing before the parcel has left", async () => {
      const email = "tracking-early@example.com"
      const order = await createOrder(email)
      const [shipment] = await container.resolve<ShipmentModuleService>(SHIPMENT_MODULE).createShipments([
        { order_id: order.id, shipping_point: "local", status: "awaiting_shipment", tracking_number: "A1" },
      ])
      await saveNotificationSettingsWorkflow(container).run({ input: { customer: { tracking_changed: { enabled: true } } } })
      await deliver(shipmentNotifyTrackingChanged, OrderOpsEvents.SHIPMENT_UPDATED, {
        id: shipment.id,
        order_id: order.id,
        tracking_changed: true,
        updated_at: "2041-01-01T00:00:00.000Z",
      })
      expect(await sentTo(email)).toHaveLength(0)
    })

    it("refund issued: switched off, nothing is sent; on, exactly one per refund with amount and currency, also when the event comes twice", async () => {
      const email = "refund-customer@example.com"
      const { payment_id } = await paidOrder(email)
      await saveNotificationSettingsWorkflow(container).run({ input: { customer: { refund_issued: { enabled: false } } } })
      await refundPaymentWorkflow(container).run({ input: { payment_id, amount: 3 } })
      await deliver(refundNotifyCustomer, PaymentEvents.REFUNDED, { id: payment_id })
      expect(await sentTo(email)).toHaveLength(0)

      await saveNotificationSettingsWorkflow(container).run({ input: { customer: { refund_issued: { enabled: true, template: "tpl-refund" } } } })
      await refundPaymentWorkflow(container).run({ input: { payment_id, amount: 2.5 } })
      await deliver(refundNotifyCustomer, PaymentEvents.REFUNDED, { id: payment_id })
      await deliver(refundNotifyCustomer, PaymentEvents.REFUNDED, { id: payment_id })
      const sent = await sentTo(email)
      expect(sent).toHaveLength(1)
      expect(sent[0]).toMatchObject({
        template: "tpl-refund",
        trigger_type: "order_ops.refund.issued",
        resource_type: "refund",
        data: expect.objectContaining({ amount: 2.5, currency_code: "eur" }),
      })
    })

    it("refund issued: a test order's real customer gets nothing", async () => {
      const email = "refund-test-order@example.com"
      const { order, payment_id } = await paidOrder(email)
      await container.resolve<TestOrderModuleService>(TEST_ORDER_MODULE).createTestOrders({ order_id: order.id, payment_state: "paid" })
      await saveNotificationSettingsWorkflow(container).run({ input: { customer: { refund_issued: { enabled: true } } } })
      await refundPaymentWorkflow(container).run({ input: { payment_id, amount: 1 } })
      await deliver(refundNotifyCustomer, PaymentEvents.REFUNDED, { id: payment_id })
      expect(await sentTo(email)).toHaveLength(0)
    })

    it("new-order staff alert reaches every listed address exactly once, even when the event comes twice", async () => {
      await saveNotificationSettingsWorkflow(container).run({
        input: { staff: { new_order: { recipients: ["owner@shop.test", "packer@shop.test", "OWNER@shop.test", "accounts@shop.test"] } } },
      })
      const order = await createOrder("buyer@example.com")
      const event = { event: { name: "order.placed", data: { id: order.id } }, container, pluginOptions: {} }
      await staffAlertNewOrder(event as unknown as Parameters<typeof staffAlertNewOrder>[0])
      await staffAlertNewOrder(event as unknown as Parameters<typeof staffAlertNewOrder>[0])
      const all = await container.resolve(Modules.NOTIFICATION).listNotifications({ trigger_type: "order_ops.staff_alert.new_order" })
      expect(all.map((n) => n.to).sort()).toEqual(["accounts@shop.test", "owner@shop.test", "packer@shop.test"])
      expect(all.every((n) => n.template === "order-ops-staff-new-order" && n.resource_id === order.id)).toBe(true)
    })

    it("a staff alert switched off sends nothing", async () => {
      await saveNotificationSettingsWorkflow(container).run({
        input: { staff: { webhook_endpoint_disabled: { enabled: false, recipients: ["ops@shop.test"] } } },
      })
      const { result } = await sendStaffAlertWorkflow(container).run({
        input: { kind: "webhook_endpoint_disabled", resource_type: "webhook_endpoint", resource_id: "whep_1", data: {} },
      })
      expect(result.sent).toBe(0)
      expect(await sentTo("ops@shop.test")).toHaveLength(0)
    })

    it("saving settings is undone when the workflow fails after the step", async () => {
      const workflow = saveNotificationSettingsWorkflow(container)
      workflow.appendAction("fail", "order-ops-save-notification-settings", {
        invoke: async () => {
          throw new Error("injected failure")
        },
      })
      const { errors } = await workflow.run({ input: { customer: { delivered: { enabled: false } } }, throwOnError: false })
      expect(errors).toHaveLength(1)
      const { data } = await api.get("/admin/order-ops/settings/notifications", admin)
      expect(data.settings.customer.delivered.enabled).toBe(true)
    })
  },
})
