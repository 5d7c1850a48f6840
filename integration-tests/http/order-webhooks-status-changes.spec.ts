import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import type { MedusaContainer } from "@medusajs/framework/types"
import {
  createOrderFulfillmentWorkflow,
  createOrderPaymentCollectionWorkflow,
  createOrderShipmentWorkflow,
  markOrderFulfillmentAsDeliveredWorkflow,
  markPaymentCollectionAsPaid,
} from "@medusajs/medusa/core-flows"
import { Webhook } from "standardwebhooks"
import { OrderOpsEvents, type OrderStatusChangedEventData } from "../../src/events"
import { ORDER_STATUS_MODULE } from "../../src/modules/order-status"
import type OrderStatusModuleService from "../../src/modules/order-status/service"
import { ORDER_WEBHOOK_MODULE } from "../../src/modules/order-webhook"
import type OrderWebhookModuleService from "../../src/modules/order-webhook/service"
import { TEST_ORDER_MODULE } from "../../src/modules/test-order"
import type TestOrderModuleService from "../../src/modules/test-order/service"
import { enqueueOrderWebhookEventsWorkflow } from "../../src/workflows/order-webhooks/workflows/enqueue-order-webhook-events"
import { refreshOrderStatusWorkflow } from "../../src/workflows/order-status/workflows/refresh-order-status"
import { startOrderWebhookReceiver, type OrderWebhookReceiver } from "../fakes/order-webhook-receiver"
import { type Api, createAdmin, createShippableOrder, createWarehouse, type Headers } from "../helpers/fixtures"

// Shared mode (the default): the real subscribers refresh the statuses and enqueue the webhooks.
jest.setTimeout(240 * 1000)

type Knex = { raw: (sql: string, bindings?: unknown[]) => Promise<{ rows: Record<string, any>[] }> }
type Body = { type: string; data: { previous_status: string | null; status: string; is_test: boolean; order_reference: string } }

/** Polls until `check` passes (subscribers run after the call returns). */
async function eventually<T>(read: () => Promise<T>, check: (value: T) => boolean, timeoutMs = 30000): Promise<T> {
  const until = Date.now() + timeoutMs
  let value = await read()
  while (!check(value) && Date.now() < until) {
    await new Promise((resolve) => setTimeout(resolve, 100))
    value = await read()
  }
  return value
}

/**
 * `order.payment_status_changed` and `order.fulfillment_status_changed`: a
 * refresh that changes a persisted status emits `order_ops.order.status_changed`
 * with old and new, and the webhook subscriber turns it into one delivery per
 * change; an order's first row, a refresh that changes nothing, and a
 * repeated event send nothing.
 */
medusaIntegrationTestRunner({
  inApp: true,
  env: { LOG_LEVEL: "error" },
  testSuite: ({ api: rawApi, getContainer }) => {
    const api = rawApi as Api
    let container: MedusaContainer
    let admin: Headers
    let receiver: OrderWebhookReceiver
    let warehouse: Awaited<ReturnType<typeof createWarehouse>>
    /** Every `order_ops.order.status_changed` the event bus carried, as the subscribers got it. */
    const emitted: OrderStatusChangedEventData[] = []

    const sql = async (text: string, bindings: unknown[] = []) =>
      (await container.resolve<Knex>(ContainerRegistrationKeys.PG_CONNECTION).raw(text, bindings)).rows
    const rowOf = async (order_id: string) =>
      (await container.resolve<OrderStatusModuleService>(ORDER_STATUS_MODULE).listOrderStatusRows({ order_id }))[0]
    /** The outbox's status-change events of the order. */
    const eventsOf = async (order_id: string) =>
      sql(
        `select "type", "dedupe_key" from "webhook_event"
         where "order_id" = ? and "type" in ('order.payment_status_changed', 'order.fulfillment_status_changed') and "deleted_at" is null
         order by "created_at"`,
        [order_id]
      )
    /** What the receiver got for these types, verified with the official library. */
    const received = (secret: string, types: string[]) =>
      receiver.requests
        .map((r) => new Webhook(secret).verify(r.raw_body, r.headers) as Body)
        .filter((b) => types.includes(b.type))
    /** Waits until nothing more arrives for a while: the subscribers are done. */
    const quiet = async (order_id: string) => {
      let last = JSON.stringify([await eventsOf(order_id), receiver.requests.length])
      for (let stable = 0, i = 0; stable < 4 && i < 100; i++) {
        await new Promise((resolve) => setTimeout(resolve, 250))
        const now = JSON.stringify([await eventsOf(order_id), receiver.requests.length])
        stable = now === last ? stable + 1 : 0
        last = now
      }
    }
    const createEndpoint = async (events = ["order.payment_status_changed", "order.fulfillment_status_changed"]) =>
      (await api.post("/admin/order-ops/webhooks", { url: receiver.url, events }, admin)).data as {
        webhook_endpoint: { id: string }
        secret: string
      }
    /** An order with a first status row (unfulfilled, unpaid), as after its placement. */
    const orderWithStatusRow = async () => {
      const order = await createShippableOrder(container, warehouse)
      await refreshOrderStatusWorkflow(container).run({ input: { order_ids: [order.id] } })
      expect(await rowOf(order.id)).toMatchObject({ fulfillment_status: "unfulfilled", payment_status: "unpaid" })
      return order
    }

    beforeAll(async () => {
      container = getContainer()
      receiver = await startOrderWebhookReceiver()
      container.resolve(Modules.EVENT_BUS).subscribe(
        OrderOpsEvents.ORDER_STATUS_CHANGED,
        async ({ data }) => {
          emitted.push(data as OrderStatusChangedEventData)
        },
        { subscriberId: "test-capture-order-status-changed" }
      )
    })
    afterAll(async () => {
      await receiver.close()
    })
    beforeEach(async () => {
      admin = await createAdmin(api, getContainer())
      warehouse = await createWarehouse(container)
      receiver.requests.length = 0
      emitted.length = 0
    })

    it("capturing a payment sends one order.payment_status_changed with old and new; a no-op refresh and a repeated event send nothing", async () => {
      const { secret } = await createEndpoint()
      const order = await orderWithStatusRow()
      await quiet(order.id)
      // The first row is not a change.
      expect(await eventsOf(order.id)).toEqual([])

      const { result: collection } = await createOrderPaymentCollectionWorkflow(container).run({ input: { order_id: order.id, amount: 77 } })
      await markPaymentCollectionAsPaid(container).run({ input: { order_id: order.id, payment_collection_id: collection[0].id } })
      await eventually(() => rowOf(order.id), (row) => row?.payment_status === "paid")
      await eventually(async () => received(secret, ["order.payment_status_changed"]).length, (n) => n > 0)
      await quiet(order.id)

      const bodies = received(secret, ["order.payment_status_changed", "order.fulfillment_status_changed"])
      expect(bodies).toEqual([
        {
          type: "order.payment_status_changed",
          version: 1,
          timestamp: expect.any(String),
          data: { order_reference: expect.stringMatching(/^oref_/), display_id: expect.any(Number), is_test: false, previous_status: "unpaid", status: "paid" },
        },
      ])
      expect(receiver.requests.map((r) => r.raw_body).join()).not.toContain(order.id)
      const events = await eventsOf(order.id)
      expect(events.map((e) => e.type)).toEqual(["order.payment_status_changed"])
      const changes = emitted.filter((e) => e.id === order.id)
      expect(changes).toEqual([
        {
          id: order.id,
          computed_at: expect.any(String),
          fulfillment_status: "unfulfilled",
          previous_fulfillment_status: "unfulfilled",
          payment_status: "paid",
          previous_payment_status: "unpaid",
        },
      ])
      expect(events[0].dedupe_key).toBe(`order.payment_status_changed:${order.id}:unpaid>paid:${changes[0].computed_at}`)

      // A refresh that changes nothing emits nothing.
      const requestsBefore = receiver.requests.length
      await refreshOrderStatusWorkflow(container).run({ input: { order_ids: [order.id] } })
      await quiet(order.id)
      expect(emitted.filter((e) => e.id === order.id)).toHaveLength(1)
      expect(await eventsOf(order.id)).toHaveLength(1)
      expect(receiver.requests).toHaveLength(requestsBefore)

      // The same change enqueued again (a retried workflow) adds nothing.
      const again = await enqueueOrderWebhookEventsWorkflow(container).run({
        input: { changes: [{ source: "order.status_changed", ...changes[0] }], announce: true },
      })
      expect(again.result.delivery_ids).toEqual([])
      expect(await eventsOf(order.id)).toHaveLength(1)
      expect(receiver.requests).toHaveLength(requestsBefore)
    })

    it("several changes enqueued at once are read together: each order gets its own event, its stable reference and its own test flag", async () => {
      await createEndpoint()
      const orders = [await createShippableOrder(container, warehouse), await createShippableOrder(container, warehouse), await createShippableOrder(container, warehouse)]
      await container.resolve<TestOrderModuleService>(TEST_ORDER_MODULE).createTestOrders({ order_id: orders[2].id, payment_state: "paid" })
      const earlier = await container.resolve<OrderWebhookModuleService>(ORDER_WEBHOOK_MODULE).ensureOrderReference(orders[0].id)
      const computed_at = "2031-05-06T07:08:09.000Z"
      await enqueueOrderWebhookEventsWorkflow(container).run({
        input: {
          changes: orders.map((o) => ({
            source: "order.status_changed" as const,
            id: o.id,
            computed_at,
            fulfillment_status: "unfulfilled",
            previous_fulfillment_status: "unfulfilled",
            payment_status: "paid",
            previous_payment_status: "unpaid",
          })),
          announce: false,
        },
      })
      const rows = await sql(
        `select "order_id", "is_test", "payload" from "webhook_event" where "order_id" in (?, ?, ?) and "type" = 'order.payment_status_changed' and "deleted_at" is null`,
        orders.map((o) => o.id)
      )
      const byOrder = new Map(rows.map((r) => [r.order_id as string, r]))
      expect(byOrder.size).toBe(3)
      expect(byOrder.get(orders[0].id)!.payload.order_reference).toBe(earlier)
      expect(new Set(rows.map((r) => r.payload.order_reference)).size).toBe(3)
      expect(orders.map((o) => byOrder.get(o.id)!.is_test)).toEqual([false, false, true])
      expect(orders.map((o) => byOrder.get(o.id)!.payload.is_test)).toEqual([false, false, true])
      const displayIds = new Map(
        (await container.resolve(Modules.ORDER).listOrders({ id: orders.map((o) => o.id) }, { select: ["id", "display_id"] })).map((o) => [o.id, o.display_id])
      )
      expect(orders.map((o) => byOrder.get(o.id)!.payload.display_id)).toEqual(orders.map((o) => displayIds.get(o.id)))
    })

    it("shipment moves made by the plugin's workflows (shipped by hand, then a tracking event) send one shipment.status_changed each, with carrier and tracking", async () => {
      const { secret } = await createEndpoint(["shipment.status_changed"])
      const order = await orderWithStatusRow()
      const items = order.items.map((i) => ({ line_item_id: i.id, quantity: i.quantity }))
      const shipped = await api.post(`/admin/orders/${order.id}/shipments`, { items, shipping_point: "local", carrier: "dhl", tracking_number: "JD0001" }, admin)
      const shipment = shipped.data.shipment as { id: string; status: string; carrier: string }
      const moved = await api.post(`/admin/shipments/${shipment.id}/events`, { status: "in_transit", location: "Hamburg" }, admin)
      expect(moved.data).toMatchObject({ applied: true, shipment: { status: "in_transit" } })
      await eventually(async () => received(secret, ["shipment.status_changed"]).length, (n) => n >= 2)
      await quiet(order.id)

      const bodies = received(secret, ["shipment.status_changed"]) as unknown as { data: Body["data"] & { carrier: string; tracking_number: string } }[]
      const moves = bodies.map((b) => `${b.data.previous_status}>${b.data.status}`).sort()
      expect(moves).toEqual([`${shipment.status}>in_transit`, `null>${shipment.status}`].sort())
      expect(shipment.carrier).toBeTruthy()
      expect(bodies.every((b) => b.data.carrier === shipment.carrier)).toBe(true)
      expect(bodies.every((b) => b.data.tracking_number === "JD0001" && b.data.is_test === false)).toBe(true)
      expect(receiver.requests.map((r) => r.raw_body).join()).not.toContain(order.id)
    })

    it("a shipment delivered sends one order.fulfillment_status_changed to delivered, with the status before", async () => {
      const { secret } = await createEndpoint()
      const order = await orderWithStatusRow()
      const items = order.items.map((i) => ({ id: i.id, quantity: i.quantity }))
      const { result: fulfillment } = await createOrderFulfillmentWorkflow(container).run({
        input: { order_id: order.id, items, location_id: warehouse.locationId, no_notification: true },
      })
      await createOrderShipmentWorkflow(container).run({
        input: { order_id: order.id, fulfillment_id: fulfillment.id, items, no_notification: true },
      })
      const shipped = await eventually(() => rowOf(order.id), (row) => row?.fulfillment_status === "fulfilled")
      expect(shipped.fulfillment_status).toBe("fulfilled")
      await quiet(order.id)
      const beforeDelivery = received(secret, ["order.fulfillment_status_changed"]).length
      expect(beforeDelivery).toBeGreaterThan(0)

      await markOrderFulfillmentAsDeliveredWorkflow(container).run({ input: { orderId: order.id, fulfillmentId: fulfillment.id } })
      await eventually(async () => received(secret, ["order.fulfillment_status_changed"]).length, (n) => n > beforeDelivery)
      await quiet(order.id)

      const bodies = received(secret, ["order.fulfillment_status_changed", "order.payment_status_changed"])
      const toDelivered = bodies.filter((b) => b.data.status === "delivered")
      expect(toDelivered).toHaveLength(1)
      expect(toDelivered[0]).toMatchObject({ type: "order.fulfillment_status_changed", data: { previous_status: "fulfilled", status: "delivered", is_test: false } })
      // Every delivered message is a real move, each reported once, in a chain from the first row.
      const moves = bodies.map((b) => `${b.data.previous_status}>${b.data.status}`)
      expect(new Set(moves).size).toBe(moves.length)
      expect(moves[0].startsWith("unfulfilled>")).toBe(true)
      expect(moves.at(-1)).toBe("fulfilled>delivered")
      expect(bodies.every((b) => b.type === "order.fulfillment_status_changed")).toBe(true)
    })
  },
})
