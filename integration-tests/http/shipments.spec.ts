import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import type { MedusaContainer } from "@medusajs/framework/types"
import { ORDER_ACTIVITY_MODULE } from "../../src/modules/order-activity"
import type OrderActivityModuleService from "../../src/modules/order-activity/service"
import { SHIPMENT_MODULE } from "../../src/modules/shipment"
import type ShipmentModuleService from "../../src/modules/shipment/service"
import { createManualShipmentWorkflow, recordShipmentEventWorkflow } from "../../src/workflows"
import {
  type Api,
  createAdmin,
  createCustomer,
  createPublishableKey,
  createShippableOrder,
  createWarehouse,
  type Headers,
  settle,
} from "../helpers/fixtures"

jest.setTimeout(180 * 1000)

medusaIntegrationTestRunner({
  inApp: true,
  env: {},
  testSuite: ({ api: rawApi, getContainer }) => {
    const api = rawApi as Api
    let container: MedusaContainer
    let admin: Headers & { userId: string }
    let warehouse: { shippingOptionId: string; locationId: string }
    let order: Awaited<ReturnType<typeof createShippableOrder>>
    let tee: string
    let mug: string

    const shipments = () => container.resolve<ShipmentModuleService>(SHIPMENT_MODULE)
    const activity = () => container.resolve<OrderActivityModuleService>(ORDER_ACTIVITY_MODULE)
    const fulfillments = async (orderId: string) => {
      const query = container.resolve(ContainerRegistrationKeys.QUERY)
      const { data } = await query.graph({
        entity: "order",
        fields: ["fulfillments.id", "fulfillments.shipped_at", "fulfillments.delivered_at", "fulfillments.canceled_at", "fulfillments.labels.tracking_number"],
        filters: { id: orderId },
      })
      return (data[0]?.fulfillments ?? []) as { id: string; shipped_at: unknown; delivered_at: unknown; canceled_at: unknown; labels: { tracking_number: string }[] }[]
    }
    /**
     * Makes the timeline write of one kind fail once, leaving other writers
     * (subscribers running in the background) alone.
     */
    const failActivityOnce = (kind: string) => {
      const service = activity()
      const original = service.createOrderActivities.bind(service)
      let failed = false
      return jest.spyOn(service, "createOrderActivities").mockImplementation(((data: unknown, ...rest: unknown[]) => {
        const entries = [data].flat() as { kind: string }[]
        if (!failed && entries.some((e) => e.kind === kind)) {
          failed = true
          return Promise.reject(new Error("timeline down"))
        }
        return (original as (...args: unknown[]) => unknown)(data, ...rest)
      }) as typeof service.createOrderActivities)
    }
    const ship = (body: Record<string, unknown>, orderId = order.id) =>
      api.post(`/admin/orders/${orderId}/shipments`, body, admin)
    const waitFor = async (check: () => Promise<boolean>) => {
      for (let i = 0; i < 100 && !(await check()); i++) {
        await new Promise((r) => setTimeout(r, 100))
      }
      expect(await check()).toBe(true)
    }

    beforeEach(async () => {
      container = getContainer()
      admin = await createAdmin(api, container)
      warehouse = await createWarehouse(container)
      order = await createShippableOrder(container, warehouse)
      tee = order.items.find((i) => i.title === "Tee")!.id
      mug = order.items.find((i) => i.title === "Mug")!.id
    })

    describe("creating manual shipments", () => {
      it("ships part of an order through Medusa's workflows, with a built tracking link", async () => {
        const res = await ship({
          items: [{ line_item_id: tee, quantity: 2 }],
          shipping_point: "local",
          carrier: "ups",
          tracking_number: "1Z999AA10123456784",
          estimated_delivery_at: "2041-12-01",
        })
        expect(res.status).toBe(201)
        expect(res.data.shipment).toMatchObject({
          order_id: order.id,
          status: "shipped",
          status_label: "Shipped",
          carrier_name: "UPS",
          tracking_url: "https://www.ups.com/track?tracknum=1Z999AA10123456784",
          items: [{ line_item_id: tee, title: "Tee", quantity: 2 }],
          notify_customer: true,
          allowed_transitions: ["in_transit", "out_for_delivery", "delivered", "delivery_failed", "canceled"],
          events: [expect.objectContaining({ status: "shipped", applied: true, source: "manual" })],
        })
        expect(new Date(res.data.shipment.estimated_delivery_at).toISOString()).toBe("2041-12-01T00:00:00.000Z")

        const [fulfillment] = await fulfillments(order.id)
        expect(fulfillment.id).toBe(res.data.shipment.fulfillment_id)
        expect(fulfillment.shipped_at).toBeTruthy()
        expect(fulfillment.labels.map((l) => l.tracking_number)).toEqual(["1Z999AA10123456784"])

        const listed = await api.get(`/admin/orders/${order.id}/shipments`, admin)
        expect(listed.data.shipments).toHaveLength(1)
        // The persisted status is current as soon as the request returns.
        expect(listed.data.order_status).toMatchObject({ order_id: order.id, fulfillment_status: "partially_fulfilled" })
        expect(listed.data.fulfillable_items).toEqual(
          expect.arrayContaining([
            expect.objectContaining({ line_item_id: tee, quantity: 3, fulfillable_quantity: 1 }),
            expect.objectContaining({ line_item_id: mug, quantity: 1, fulfillable_quantity: 1 }),
          ])
        )
        expect(listed.data.carriers).toEqual(expect.arrayContaining([{ code: "ups", name: "UPS" }]))
        expect(await activity().listOrderActivities({ order_id: order.id, kind: "shipment.created" })).toHaveLength(1)

        // A second shipment takes the rest.
        const second = await ship({ items: [{ line_item_id: tee, quantity: 1 }, { line_item_id: mug, quantity: 1 }], shipping_point: "local", mark_shipped: false })
        expect(second.data.shipment.status).toBe("awaiting_shipment")
        expect((await fulfillments(order.id)).filter((f) => !f.shipped_at)).toHaveLength(1)
      })

      it.each([
        ["more than is left", { items: [{ line_item_id: "TEE", quantity: 4 }], shipping_point: "local" }, "items[0].quantity"],
        ["an unknown item", { items: [{ line_item_id: "li_nope", quantity: 1 }], shipping_point: "local" }, "items[0].line_item_id"],
        ["a zero quantity", { items: [{ line_item_id: "TEE", quantity: 0 }], shipping_point: "local" }, "quantity"],
        ["a negative quantity", { items: [{ line_item_id: "TEE", quantity: -1 }], shipping_point: "local" }, "quantity"],
        ["no items", { items: [], shipping_point: "local" }, "items"],
        ["an unknown shipping point", { items: [{ line_item_id: "TEE", quantity: 1 }], shipping_point: "moon" }, "shipping_point"],
        ["international without tracking", { items: [{ line_item_id: "TEE", quantity: 1 }], shipping_point: "international", carrier: "dhl" }, "tracking_number"],
        ["a malformed date", { items: [{ line_item_id: "TEE", quantity: 1 }], shipping_point: "local", estimated_delivery_at: "next tuesday" }, "estimated_delivery_at"],
        ["a malformed URL", { items: [{ line_item_id: "TEE", quantity: 1 }], shipping_point: "local", tracking_url: "not a url" }, "tracking_url"],
        ["an unknown field", { items: [{ line_item_id: "TEE", quantity: 1 }], shipping_point: "local", priority: true }, "priority"],
      ])("refuses %s with a 400 naming the field, writing nothing", async (_label, body, field) => {
        const json = JSON.parse(JSON.stringify(body).replace(/"TEE"/g, JSON.stringify(tee)))
        const res = await settle(ship(json))
        expect(res.status).toBe(400)
        expect(res.data.message).toContain(field)
        expect(await shipments().listShipments({})).toHaveLength(0)
        expect(await fulfillments(order.id)).toHaveLength(0)
      })

      it("refuses a canceled order and is a 404 for an unknown one", async () => {
        await container.resolve(Modules.ORDER).cancel(order.id)
        const canceled = await settle(ship({ items: [{ line_item_id: tee, quantity: 1 }], shipping_point: "local" }))
        expect(canceled.status).toBe(400)
        expect(canceled.data.message).toContain("canceled")
        const missing = await settle(ship({ items: [{ line_item_id: tee, quantity: 1 }], shipping_point: "local" }, "order_missing"))
        expect(missing.status).toBe(404)
        expect(await shipments().listShipments({})).toHaveLength(0)
      })

      it("needs an admin", async () => {
        const res = await settle(api.post(`/admin/orders/${order.id}/shipments`, { items: [], shipping_point: "local" }))
        expect(res.status).toBe(401)
        expect((await settle(api.get(`/admin/orders/${order.id}/shipments`))).status).toBe(401)
        expect((await settle(api.get(`/admin/shipments/shp_x`))).status).toBe(401)
      })

      it("rolls back the Medusa fulfillment when a later step fails", async () => {
        const spy = failActivityOnce("shipment.created")
        const { errors } = await createManualShipmentWorkflow(container).run({
          input: { order_id: order.id, items: [{ line_item_id: tee, quantity: 1 }], shipping_point: "local", carrier: "ups", tracking_number: "1Z1" },
          throwOnError: false,
        })
        spy.mockRestore()
        expect(errors[0].error.message).toContain("timeline down")
        expect(await shipments().listShipments({})).toHaveLength(0)
        expect((await fulfillments(order.id)).every((f) => f.canceled_at)).toBe(true)
        const listed = await api.get(`/admin/orders/${order.id}/shipments`, admin)
        expect(listed.data.fulfillable_items.find((i: { line_item_id: string }) => i.line_item_id === tee).fulfillable_quantity).toBe(3)
      })
    })

    describe("moving a shipment", () => {
      let shipmentId: string
      beforeEach(async () => {
        const res = await ship({ items: [{ line_item_id: tee, quantity: 3 }], shipping_point: "local", carrier: "dhl", tracking_number: "JD1" })
        shipmentId = res.data.shipment.id
      })
      const event = (body: Record<string, unknown>) => api.post(`/admin/shipments/${shipmentId}/events`, body, admin)

      it("follows tracking events, keeps late ones without moving back, and refuses illegal moves", async () => {
        const at = (minutes: number) => new Date(Date.now() + minutes * 60000).toISOString()
        const moving = await event({ status: "in_transit", location: "Hamburg", occurred_at: at(1) })
        expect(moving.status).toBe(201)
        expect(moving.data).toMatchObject({ applied: true, shipment: { status: "in_transit" } })

        await event({ status: "out_for_delivery", occurred_at: at(3) })
        const late = await event({ status: "in_transit", message: "scan arrived late", occurred_at: at(2) })
        expect(late.data).toMatchObject({ applied: false, reason: "late", shipment: { status: "out_for_delivery" } })
        expect(late.data.shipment.events[0]).toMatchObject({ status: "out_for_delivery" })
        expect(late.data.shipment.events.find((e: { message: string }) => e.message === "scan arrived late").applied).toBe(false)

        const failed = await event({ status: "delivery_failed", message: "Nobody home" })
        expect(failed.data.shipment.allowed_transitions).toEqual(["in_transit", "out_for_delivery", "delivered", "canceled"])
        const delivered = await api.post(`/admin/shipments/${shipmentId}/deliver`, {}, admin)
        expect(delivered.data.shipment).toMatchObject({ status: "delivered", allowed_transitions: [] })
        // Three tees delivered, the mug not yet shipped.
        expect((await api.get(`/admin/orders/${order.id}/shipments`, admin)).data.order_status.fulfillment_status).toBe(
          "partially_fulfilled"
        )
        expect((await fulfillments(order.id))[0].delivered_at).toBeTruthy()

        const illegal = await settle(event({ status: "in_transit" }))
        expect(illegal.status).toBe(400)
        expect(illegal.data.message).toBe("status: cannot go from Delivered to In transit")
        const cancel = await settle(api.post(`/admin/shipments/${shipmentId}/cancel`, {}, admin))
        expect(cancel.status).toBe(400)
        expect(cancel.data.message).toContain("cannot go from Delivered to Canceled")

        const kinds = (await activity().listOrderActivities({ order_id: order.id, kind: "shipment.status_changed" })).map((a) => a.data?.to)
        expect(kinds.sort()).toEqual(["delivered", "delivery_failed", "in_transit", "out_for_delivery"])
      })

      it.each([
        ["an unknown status", { status: "lost_at_sea" }, "status"],
        ["a malformed date", { status: "in_transit", occurred_at: "yesterday" }, "occurred_at"],
        ["no status", {}, "status"],
      ])("refuses %s with a 400 naming the field", async (_l, body, field) => {
        const res = await settle(event(body))
        expect(res.status).toBe(400)
        expect(res.data.message).toContain(field)
        expect(await shipments().listShipmentEvents({ shipment_id: shipmentId })).toHaveLength(1)
      })

      it("ignores a replayed carrier event", async () => {
        const input = { shipment_id: shipmentId, status: "in_transit" as const, source: "carrier" as const, provider_event_id: "evt_1" }
        const first = await recordShipmentEventWorkflow(container).run({ input })
        const again = await recordShipmentEventWorkflow(container).run({ input })
        expect(first.result).toMatchObject({ applied: true, duplicate: false })
        expect(again.result).toMatchObject({ applied: false, duplicate: true })
        expect(await shipments().listShipmentEvents({ shipment_id: shipmentId, provider_event_id: "evt_1" })).toHaveLength(1)
      })

      it("records a carrier's illegal move without applying it", async () => {
        await api.post(`/admin/shipments/${shipmentId}/deliver`, {}, admin)
        const { result } = await recordShipmentEventWorkflow(container).run({
          input: { shipment_id: shipmentId, status: "in_transit", source: "carrier", provider_event_id: "evt_late" },
        })
        expect(result).toMatchObject({ applied: false, reason: "illegal_transition", shipment: { status: "delivered" } })
      })

      it("puts the status back when a later step fails", async () => {
        const spy = failActivityOnce("shipment.status_changed")
        const { errors } = await recordShipmentEventWorkflow(container).run({
          input: { shipment_id: shipmentId, status: "in_transit", strict: true },
          throwOnError: false,
        })
        spy.mockRestore()
        expect(errors).toHaveLength(1)
        expect((await shipments().retrieveShipment(shipmentId)).status).toBe("shipped")
        expect(await shipments().listShipmentEvents({ shipment_id: shipmentId })).toHaveLength(1)
      })

      it("edits carrier and tracking, rebuilding the link, and moves status through the table", async () => {
        const res = await api.post(`/admin/shipments/${shipmentId}`, { carrier: "fedex", tracking_number: "123456789012", status: "in_transit" }, admin)
        expect(res.data.shipment).toMatchObject({
          carrier_name: "FedEx",
          tracking_url: "https://www.fedex.com/fedextrack/?trknbr=123456789012",
          status: "in_transit",
        })
        const bad = await settle(api.post(`/admin/shipments/${shipmentId}`, { status: "awaiting_shipment" }, admin))
        expect(bad.status).toBe(400)
        expect(bad.data.message).toBe("status: cannot go from In transit to Awaiting shipment")
        const unknown = await settle(api.post(`/admin/shipments/shp_missing`, { carrier: "ups" }, admin))
        expect(unknown.status).toBe(404)
        expect((await activity().listOrderActivities({ kind: "shipment.updated" }))[0].data).toMatchObject({
          changed: expect.arrayContaining(["carrier", "tracking_number", "tracking_url"]),
        })
      })

      it("refuses to edit a carrier-bought shipment", async () => {
        const carrier = await shipments().createShipments({ order_id: order.id, shipping_point: "local", source: "carrier", status: "shipped" })
        const res = await settle(api.post(`/admin/shipments/${carrier.id}`, { tracking_number: "X" }, admin))
        expect(res.status).toBe(400)
        expect(res.data.message).toContain("bought from a carrier")
      })
    })

    describe("pickup and cancel", () => {
      it("a pickup waits for the customer, then is picked up — never shipped", async () => {
        const res = await ship({ items: [{ line_item_id: mug, quantity: 1 }], shipping_point: "pickup" })
        expect(res.data.shipment).toMatchObject({ status: "awaiting_shipment", allowed_transitions: ["delivered", "canceled"] })
        expect((await fulfillments(order.id))[0].shipped_at).toBeFalsy()
        const shipped = await settle(api.post(`/admin/shipments/${res.data.shipment.id}/events`, { status: "shipped" }, admin))
        expect(shipped.status).toBe(400)
        const picked = await api.post(`/admin/shipments/${res.data.shipment.id}/deliver`, {}, admin)
        expect(picked.data.shipment).toMatchObject({ status: "delivered", status_label: "Picked up" })
        expect((await fulfillments(order.id))[0].delivered_at).toBeTruthy()
      })

      it("canceling a shipment that has not left cancels Medusa's fulfillment, so the items can ship again", async () => {
        const res = await ship({ items: [{ line_item_id: tee, quantity: 3 }], shipping_point: "local", mark_shipped: false })
        const canceled = await api.post(`/admin/shipments/${res.data.shipment.id}/cancel`, {}, admin)
        expect(canceled.data.shipment).toMatchObject({ status: "canceled", allowed_transitions: [] })
        expect((await fulfillments(order.id))[0].canceled_at).toBeTruthy()
        const again = await ship({ items: [{ line_item_id: tee, quantity: 3 }], shipping_point: "local" })
        expect(again.status).toBe(201)
      })
    })

    describe("customers", () => {
      let pk: string
      let owner: Headers & { customerId: string }
      let ownOrder: Awaited<ReturnType<typeof createShippableOrder>>
      beforeEach(async () => {
        pk = await createPublishableKey(container)
        owner = await createCustomer(api, pk, "owner@example.com")
        ownOrder = await createShippableOrder(container, warehouse, { customer_id: owner.customerId, email: "owner@example.com" })
      })

      it("notifies the customer once per move, unless notify is off", async () => {
        const teeId = ownOrder.items.find((i) => i.title === "Tee")!.id
        const mugId = ownOrder.items.find((i) => i.title === "Mug")!.id
        const res = await ship({ items: [{ line_item_id: teeId, quantity: 3 }], shipping_point: "local", carrier: "ups", tracking_number: "1ZOWN" }, ownOrder.id)
        const notifications = container.resolve(Modules.NOTIFICATION)
        const sent = () => notifications.listNotifications({ to: "owner@example.com" })
        await waitFor(async () => (await sent()).length === 1)
        expect((await sent())[0]).toMatchObject({
          template: "order-ops-shipment-shipped",
          data: expect.objectContaining({ tracking_number: "1ZOWN", tracking_url: "https://www.ups.com/track?tracknum=1ZOWN" }),
        })
        await api.post(`/admin/shipments/${res.data.shipment.id}/events`, { status: "in_transit" }, admin)
        await api.post(`/admin/shipments/${res.data.shipment.id}/deliver`, {}, admin)
        await waitFor(async () => (await sent()).length === 2)
        expect((await sent()).map((n) => n.template).sort()).toEqual(["order-ops-shipment-delivered", "order-ops-shipment-shipped"])

        const quiet = await ship({ items: [{ line_item_id: mugId, quantity: 1 }], shipping_point: "local", notify_customer: false }, ownOrder.id)
        await api.post(`/admin/shipments/${quiet.data.shipment.id}/deliver`, {}, admin)
        await new Promise((r) => setTimeout(r, 1000))
        expect(await sent()).toHaveLength(2)
      })

      it("shows tracking to the order's own customer only", async () => {
        const teeId = ownOrder.items.find((i) => i.title === "Tee")!.id
        const res = await ship({ items: [{ line_item_id: teeId, quantity: 1 }], shipping_point: "local", carrier: "usps", tracking_number: "9400" }, ownOrder.id)
        await api.post(`/admin/shipments/${res.data.shipment.id}/events`, { status: "in_transit", location: "Denver" }, admin)
        const tracking = await api.get(`/store/orders/${ownOrder.id}/tracking`, owner)
        expect(tracking.data.order.id).toBe(ownOrder.id)
        expect(tracking.data.shipments).toEqual([
          expect.objectContaining({
            status: "in_transit",
            carrier: "USPS",
            tracking_number: "9400",
            tracking_url: "https://tools.usps.com/go/TrackConfirmAction?tLabels=9400",
            events: [
              expect.objectContaining({ status: "in_transit", location: "Denver" }),
              expect.objectContaining({ status: "shipped" }),
            ],
          }),
        ])
        const stranger = await createCustomer(api, pk, "stranger@example.com")
        expect((await settle(api.get(`/store/orders/${ownOrder.id}/tracking`, stranger))).status).toBe(404)
        expect((await settle(api.get(`/store/orders/${order.id}/tracking`, owner))).status).toBe(404)
        expect((await settle(api.get(`/store/orders/${ownOrder.id}/tracking`, { headers: { "x-publishable-api-key": pk } }))).status).toBe(401)
      })
    })
  },
})
