import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { Modules } from "@medusajs/framework/utils"
import type { MedusaContainer } from "@medusajs/framework/types"
import { ORDER_NOTE_MODULE } from "../../src/modules/order-note"
import type OrderNoteModuleService from "../../src/modules/order-note/service"
import { SHIPMENT_MODULE } from "../../src/modules/shipment"
import type ShipmentModuleService from "../../src/modules/shipment/service"
import staffAlertNewOrder from "../../src/subscribers/staff-alert-new-order"
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

    beforeAll(() => {
      container = getContainer()
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
