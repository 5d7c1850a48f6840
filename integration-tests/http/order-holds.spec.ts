import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import type { MedusaContainer } from "@medusajs/framework/types"
import digitalDeliverySweepJob from "../../src/jobs/digital-delivery-sweep"
import { DIGITAL_DELIVERY_MODULE } from "../../src/modules/digital-delivery"
import type DigitalDeliveryModuleService from "../../src/modules/digital-delivery/service"
import { ORDER_ACTIVITY_MODULE } from "../../src/modules/order-activity"
import type OrderActivityModuleService from "../../src/modules/order-activity/service"
import { ORDER_CASE_MODULE } from "../../src/modules/order-case"
import type OrderCaseModuleService from "../../src/modules/order-case/service"
import { SHIPMENT_MODULE } from "../../src/modules/shipment"
import type ShipmentModuleService from "../../src/modules/shipment/service"
import seedDemo from "../../src/scripts/seed-demo"
import { placeOrderHoldWorkflow, setOrderLabelWorkflow } from "../../src/workflows"
import {
  type Api,
  type CheckoutPlan,
  createAdmin,
  createCustomer,
  type Headers,
  placePaidOrder,
  settle,
} from "../helpers/fixtures"

jest.setTimeout(300 * 1000)

// No scheduled jobs in the app under test: each test drives the delivery sweep itself.
process.env.MEDUSA_WORKER_MODE = "server"

medusaIntegrationTestRunner({
  inApp: true,
  env: {},
  testSuite: ({ api: rawApi, getContainer }) => {
    const api = rawApi as Api
    let container: MedusaContainer
    let admin: Headers & { userId: string }
    let physicalPlan: CheckoutPlan
    let digitalPlan: CheckoutPlan
    let publishableKey: string
    let emptyPoolId: string
    const variants: Record<string, string> = {}

    const caseService = () => container.resolve<OrderCaseModuleService>(ORDER_CASE_MODULE)
    const deliveries = () => container.resolve<DigitalDeliveryModuleService>(DIGITAL_DELIVERY_MODULE)
    const activity = () => container.resolve<OrderActivityModuleService>(ORDER_ACTIVITY_MODULE)
    const shipments = () => container.resolve<ShipmentModuleService>(SHIPMENT_MODULE)
    const statusRow = async (orderId: string) => {
      const { data } = await container.resolve(ContainerRegistrationKeys.QUERY).graph({
        entity: "order_status",
        fields: ["*"],
        filters: { order_id: orderId },
      })
      return data[0] as Record<string, unknown>
    }
    const physicalOrder = async (customerId?: string, email?: string) => {
      const order = await placePaidOrder(container, physicalPlan, [{ variant_id: variants["OOPS-TEE-M"], quantity: 2 }], { id: customerId, email })
      const { data } = await container.resolve(ContainerRegistrationKeys.QUERY).graph({
        entity: "order",
        fields: ["items.id", "items.quantity"],
        filters: { id: order.id },
      })
      return { ...order, items: data[0].items as { id: string; quantity: number }[] }
    }

    beforeAll(async () => {
      container = getContainer()
      admin = await createAdmin(api, container)
      await seedDemo({ container, args: [] })
      const query = container.resolve(ContainerRegistrationKeys.QUERY)
      const { data } = await query.graph({ entity: "product_variant", fields: ["id", "sku"] })
      for (const v of data) {
        variants[v.sku as string] = v.id as string
      }
      const { data: options } = await query.graph({ entity: "shipping_option", fields: ["id", "name"] })
      const { data: regions } = await query.graph({ entity: "region", fields: ["id", "currency_code"] })
      const { data: channels } = await query.graph({ entity: "sales_channel", fields: ["id"] })
      const { data: keys } = await query.graph({ entity: "api_key", fields: ["token", "type"] })
      publishableKey = keys.find((k) => k.type === "publishable")!.token as string
      const region = regions.find((r) => r.currency_code === "eur") ?? regions[0]
      const base = { region_id: region.id as string, sales_channel_id: channels[0].id as string, country_code: "dk" }
      physicalPlan = { ...base, shipping_option_ids: [options.find((o) => o.name === "Standard Shipping")!.id as string] }
      digitalPlan = { ...base, shipping_option_ids: [options.find((o) => o.name === "Digital delivery")!.id as string] }
      // A license pool with no codes: the delivery stays pending (retrying) until codes arrive.
      const pool = (await api.post("/admin/license-pools", { name: "Hold test seats" }, admin)).data.license_pool
      emptyPoolId = pool.id
      await api.post("/admin/delivery-products", { variant_id: variants["OOPS-LICENSE-5"], method: "license_code", settings: { pool_id: pool.id } }, admin)
    })

    describe("POST /admin/orders/:id/hold and /release", () => {
      it("refuses bad input with a 400 naming the field, writing nothing", async () => {
        const order = await physicalOrder()
        for (const [body, field] of [
          [{}, "reason"],
          [{ reason: "bored" }, "reason"],
          [{ reason: "other", note: 5 }, "note"],
          [{ reason: "other", extra: true }, "extra"],
        ] as const) {
          const res = await settle(api.post(`/admin/orders/${order.id}/hold`, body, admin))
          expect([field, res.status]).toEqual([field, 400])
          expect(res.data.message).toContain(field)
        }
        expect(await caseService().listOrderHolds({})).toHaveLength(0)
        expect((await settle(api.post(`/admin/orders/order_nope/hold`, { reason: "other" }, admin))).status).toBe(404)
        expect((await settle(api.post(`/admin/orders/${order.id}/hold`, { reason: "other" }))).status).toBe(401)
        expect((await settle(api.post(`/admin/orders/${order.id}/release`, {}, admin))).status).toBe(400)
      })

      it("a held order refuses a shipment and a label with a 400 naming the hold; release allows them again", async () => {
        const order = await physicalOrder()
        const held = await api.post(`/admin/orders/${order.id}/hold`, { reason: "high_risk", note: "Card looks stolen" }, admin)
        expect(held.status).toBe(201)
        expect(held.data.case.hold).toMatchObject({ reason: "high_risk", note: "Card looks stolen", placed_by: admin.userId })
        expect(await statusRow(order.id)).toMatchObject({ hold_reason: "high_risk" })
        expect((await settle(api.post(`/admin/orders/${order.id}/hold`, { reason: "other" }, admin))).status).toBe(409)

        const items = [{ line_item_id: order.items[0].id, quantity: 1 }]
        const shipment = await settle(api.post(`/admin/orders/${order.id}/shipments`, { items, shipping_point: "local", carrier: "dhl", tracking_number: "JD0001" }, admin))
        expect(shipment.status).toBe(400)
        expect(shipment.data.message).toBe('order: Order is on hold (High risk: "Card looks stolen") — release the hold first')

        const label = await settle(
          api.post(
            `/admin/orders/${order.id}/labels`,
            {
              items,
              carrier: "sandbox",
              idempotency_key: "hold-test-label-1",
              parcels: [{ length: 20, width: 15, height: 10, distance_unit: "cm", weight: 1, mass_unit: "kg" }],
              rate: {
                rate_id: "rate_sandbox_x",
                provider_shipment_id: "shp_sandbox_x",
                carrier_name: "Sandbox",
                service: "Ground",
                service_code: "ground",
                amount: 5,
                currency_code: "EUR",
                estimated_days: 2,
                estimated_delivery_at: null,
              },
            },
            admin
          )
        )
        expect(label.status).toBe(400)
        expect(label.data.message).toContain("Order is on hold (High risk")
        expect(await shipments().listShipments({ order_id: order.id })).toHaveLength(0)
        expect(await shipments().listShippingLabels({ order_id: order.id })).toHaveLength(0)

        const list = await api.get(`/admin/order-ops/orders?on_hold=true`, admin)
        expect(list.data.orders.map((o: { id: string }) => o.id)).toEqual([order.id])
        expect(list.data.orders[0]).toMatchObject({ hold_reason: "high_risk" })

        const released = await api.post(`/admin/orders/${order.id}/release`, { note: "Customer verified" }, admin)
        expect(released.data.case.hold).toBeNull()
        expect(released.data.case.holds[0]).toMatchObject({ release_note: "Customer verified", released_by: admin.userId })
        expect(await statusRow(order.id)).toMatchObject({ hold_reason: null, held_since: null })
        expect((await api.get(`/admin/order-ops/orders?on_hold=true`, admin)).data.orders).toHaveLength(0)

        const shipped = await api.post(`/admin/orders/${order.id}/shipments`, { items, shipping_point: "local", carrier: "dhl", tracking_number: "JD0001" }, admin)
        expect(shipped.status).toBe(201)

        const kinds = (await activity().listOrderActivities({ order_id: order.id }, { order: { occurred_at: "ASC" } })).map((a) => a.kind)
        expect(kinds).toEqual(expect.arrayContaining(["order.held", "order.hold_released", "shipment.created"]))
        const timeline = await api.get(`/admin/orders/${order.id}/timeline`, admin)
        expect(JSON.stringify(timeline.data)).toContain("order.held")
      })

      it("a held order's delivery waits (retry is a 400 naming the hold, the sweep skips it) and is attempted after release", async () => {
        const order = await placePaidOrder(container, digitalPlan, [{ variant_id: variants["OOPS-LICENSE-5"], quantity: 1 }])
        let delivery!: { id: string; attempts: number; status: string }
        for (let i = 0; i < 300; i++) {
          delivery = (await deliveries().listDeliveries({ order_id: order.id }))[0] as unknown as typeof delivery
          if (delivery && delivery.attempts > 0) break
          await new Promise((r) => setTimeout(r, 100))
        }
        expect(delivery).toMatchObject({ status: "pending", attempts: 1 })

        await api.post(`/admin/orders/${order.id}/hold`, { reason: "awaiting_payment" }, admin)
        await api.post(`/admin/license-pools/${emptyPoolId}/codes`, { codes: "HOLD-0001\nHOLD-0002" }, admin)

        const retried = await settle(api.post(`/admin/deliveries/${delivery.id}/retry`, {}, admin))
        expect(retried.status).toBe(400)
        expect(retried.data.message).toContain("Order is on hold (Awaiting payment)")

        await deliveries().updateDeliveries({ id: delivery.id, next_attempt_at: new Date(Date.now() - 1000) })
        await digitalDeliverySweepJob(container)
        expect(await deliveries().retrieveDelivery(delivery.id)).toMatchObject({ status: "pending", attempts: 1 })

        await api.post(`/admin/orders/${order.id}/release`, {}, admin)
        await digitalDeliverySweepJob(container)
        expect(await deliveries().retrieveDelivery(delivery.id)).toMatchObject({ status: "delivered", attempts: 2 })
      })

      it("compensation: a failure after the hold is written removes it", async () => {
        const order = await physicalOrder()
        const spy = jest.spyOn(activity(), "createOrderActivities").mockRejectedValueOnce(new Error("activity store down"))
        const { errors } = await placeOrderHoldWorkflow(container).run({
          input: { order_id: order.id, reason: "out_of_stock" },
          throwOnError: false,
        })
        spy.mockRestore()
        expect(errors[0].error.message).toContain("activity store down")
        expect(await caseService().listOrderHolds({ order_id: order.id }, { withDeleted: false })).toHaveLength(0)
      })
    })

    describe("order labels", () => {
      it("manages labels in settings, sets one on an order with a reference and an email, filters and shows it to the customer", async () => {
        const bad = await settle(api.post(`/admin/order-labels`, { name: "", color: "pink" }, admin))
        expect(bad.status).toBe(400)
        expect(bad.data.message).toContain("name")
        const created = await api.post(`/admin/order-labels`, { name: "Waiting for stock", color: "orange" }, admin)
        expect(created.status).toBe(201)
        const labelId = created.data.order_label.id
        expect((await settle(api.post(`/admin/order-labels`, { name: "waiting FOR stock" }, admin))).status).toBe(400)

        const customer = await createCustomer(api, publishableKey, "label-buyer@example.com")
        const order = await physicalOrder(customer.customerId, "label-buyer@example.com")
        const other = await physicalOrder()

        const unknown = await settle(api.post(`/admin/orders/${order.id}/order-label`, { label_id: "olbl_nope" }, admin))
        expect(unknown.status).toBe(400)
        expect(unknown.data.message).toContain("label_id")

        const notifications = container.resolve(Modules.NOTIFICATION)
        const set = await api.post(`/admin/orders/${order.id}/order-label`, { label_id: labelId, reference: "PO-7781", notify_customer: true }, admin)
        expect(set.data.case.label).toMatchObject({ name: "Waiting for stock", reference: "PO-7781", color: "orange" })
        const sent = await notifications.listNotifications({ template: "order-ops-order-label" })
        expect(sent).toHaveLength(1)
        expect(sent[0]).toMatchObject({ to: "label-buyer@example.com", data: expect.objectContaining({ label: "Waiting for stock", reference: "PO-7781" }) })

        const list = await api.get(`/admin/order-ops/orders?order_label_id=${labelId}`, admin)
        expect(list.data.orders.map((o: { id: string }) => o.id)).toEqual([order.id])
        expect(list.data.orders[0].order_label).toEqual({ id: labelId, name: "Waiting for stock", color: "orange" })
        // The label never replaces the computed statuses.
        expect(list.data.orders[0].payment_status).toBe("paid")

        const store = await api.get(`/store/orders/${order.id}/order-label`, { headers: { ...customer.headers, "x-publishable-api-key": publishableKey } })
        expect(store.data.order_label).toMatchObject({ name: "Waiting for stock", reference: "PO-7781" })
        const foreign = await settle(api.get(`/store/orders/${other.id}/order-label`, { headers: { ...customer.headers, "x-publishable-api-key": publishableKey } }))
        expect(foreign.status).toBe(404)

        expect((await settle(api.delete(`/admin/order-labels/${labelId}`, admin))).status).toBe(400)
        await api.post(`/admin/orders/${order.id}/order-label`, { label_id: null }, admin)
        expect(await statusRow(order.id)).toMatchObject({ order_label_id: null })
        expect((await api.delete(`/admin/order-labels/${labelId}`, admin)).data.deleted).toBe(true)

        const kinds = (await activity().listOrderActivities({ order_id: order.id })).map((a) => a.kind)
        expect(kinds.filter((k) => k === "order.label_set")).toHaveLength(2)
      })

      it("compensation: a failure after the label is set puts the previous one back", async () => {
        const order = await physicalOrder()
        const a = (await api.post(`/admin/order-labels`, { name: "A" }, admin)).data.order_label
        const b = (await api.post(`/admin/order-labels`, { name: "B" }, admin)).data.order_label
        await api.post(`/admin/orders/${order.id}/order-label`, { label_id: a.id, reference: "ref-a" }, admin)
        const spy = jest.spyOn(activity(), "createOrderActivities").mockRejectedValueOnce(new Error("activity store down"))
        const { errors } = await setOrderLabelWorkflow(container).run({
          input: { order_id: order.id, label_id: b.id },
          throwOnError: false,
        })
        spy.mockRestore()
        expect(errors).toHaveLength(1)
        const assignments = await caseService().listOrderLabelAssignments({ order_id: order.id })
        expect(assignments).toEqual([expect.objectContaining({ label_id: a.id, reference: "ref-a" })])
      })
    })
  },
})
