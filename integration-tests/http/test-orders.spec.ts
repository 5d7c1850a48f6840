import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import {
  createStep,
  createWorkflow,
  WorkflowResponse,
} from "@medusajs/framework/workflows-sdk"
import { ORDER_STATUS_MODULE } from "../../src/modules/order-status"
import type OrderStatusModuleService from "../../src/modules/order-status/service"
import { TEST_ORDER_MODULE } from "../../src/modules/test-order"
import type TestOrderModuleService from "../../src/modules/test-order/service"
import seedDemo, { seedDemoTestOrders } from "../../src/scripts/seed-demo"
import { placeTestOrderWorkflow } from "../../src/workflows/test-orders/workflows/place-test-order"
import { type Api, createAdmin, type Headers, settle } from "../helpers/fixtures"

jest.setTimeout(300 * 1000)

type Knex = (table: string) => any

async function waitFor(check: () => Promise<boolean>, timeoutMs = 15000) {
  const until = Date.now() + timeoutMs
  while (!(await check()) && Date.now() < until) {
    await new Promise((resolve) => setTimeout(resolve, 200))
  }
}

medusaIntegrationTestRunner({
  inApp: true,
  env: {},
  testSuite: ({ api: rawApi, getContainer }) => {
    const api = rawApi as Api
    let container: MedusaContainer
    let admin: Headers & { userId: string }
    let physicalVariantId: string
    let realOrderId: string

    const knex = () => container.resolve(ContainerRegistrationKeys.PG_CONNECTION) as unknown as Knex & {
      raw: (sql: string, bindings?: unknown[]) => Promise<{ rows: any[] }>
    }
    const counts = async () => {
      const db = knex()
      const [orders, carts, customers, tests] = await Promise.all([
        db.raw(`select count(*)::int as n from "order" where deleted_at is null`),
        db.raw(`select count(*)::int as n from cart where deleted_at is null`),
        db.raw(`select count(*)::int as n from customer where deleted_at is null`),
        db.raw(`select count(*)::int as n from test_order where deleted_at is null`),
      ])
      return { orders: orders.rows[0].n, carts: carts.rows[0].n, customers: customers.rows[0].n, tests: tests.rows[0].n }
    }
    /** Live rows in any table with an `order_id` column (links, order module, ours) plus the order row. */
    const rowsReferencing = async (orderId: string) => {
      const db = knex()
      const { rows: tables } = await db.raw(
        `select c.table_name, exists (select 1 from information_schema.columns d
           where d.table_schema = c.table_schema and d.table_name = c.table_name and d.column_name = 'deleted_at') as soft
         from information_schema.columns c
         join information_schema.tables t on t.table_schema = c.table_schema and t.table_name = c.table_name and t.table_type = 'BASE TABLE'
         where c.table_schema = 'public' and c.column_name = 'order_id'`
      )
      const found: Record<string, number> = {}
      for (const { table_name, soft } of tables) {
        const { rows } = await db.raw(
          `select count(*)::int as n from "${table_name}" where order_id = ?${soft ? " and deleted_at is null" : ""}`,
          [orderId]
        )
        if (rows[0].n) {
          found[table_name] = rows[0].n
        }
      }
      const { rows } = await db.raw(`select count(*)::int as n from "order" where id = ?`, [orderId])
      if (rows[0].n) {
        found.order = rows[0].n
      }
      return found
    }
    /**
     * Waits until what references an order stops changing: placing an order starts subscribers
     * (statuses, timeline, deliveries) that finish after the request returns, and a delete that
     * overtakes them on a loaded machine would be followed by their writes.
     */
    const quiet = async (orderIds: string[]) => {
      const snapshot = async () => JSON.stringify(await Promise.all(orderIds.map(rowsReferencing)))
      let last = await snapshot()
      for (let stable = 0, i = 0; stable < 3 && i < 100; i++) {
        await new Promise((resolve) => setTimeout(resolve, 300))
        const now = await snapshot()
        stable = now === last ? stable + 1 : 0
        last = now
      }
    }
    const statusRow = async (orderId: string) =>
      (await container.resolve<OrderStatusModuleService>(ORDER_STATUS_MODULE).listOrderStatusRows({ order_id: orderId }))[0]

    beforeAll(async () => {
      container = getContainer()
      admin = await createAdmin(api, container)
      await seedDemo({ container, args: [] })
      const { data: variants } = await container.resolve(ContainerRegistrationKeys.QUERY).graph({
        entity: "product_variant",
        fields: ["id", "sku", "manage_inventory"],
      })
      physicalVariantId = variants.find((v) => v.manage_inventory)!.id as string
      const [order] = await container.resolve(Modules.ORDER).listOrders({}, { take: 1, select: ["id"] })
      realOrderId = order.id
    })

    it("requires an admin (401)", async () => {
      const res = await settle(api.post("/admin/test-orders", {}))
      expect(res.status).toBe(401)
    })

    it("places a paid test order with the default physical + digital mix, flagged everywhere", async () => {
      const res = await api.post("/admin/test-orders", {}, admin)
      expect(res.status).toBe(201)
      const { test_order, order } = res.data
      expect(test_order).toMatchObject({
        order_id: order.id,
        display_id: order.display_id,
        payment_state: "paid",
        generated_customer: true,
      })
      const { data: [placed] } = await container.resolve(ContainerRegistrationKeys.QUERY).graph({
        entity: "order",
        fields: ["id", "email", "items.id", "items.variant.product.metadata", "shipping_methods.id", "customer.metadata"],
        filters: { id: order.id },
      })
      expect(placed.email).toMatch(/^test\+[a-z0-9]+@order-ops\.test$/)
      expect(placed.customer?.metadata).toMatchObject({ order_ops_test: true })
      expect(placed.items).toHaveLength(2)
      expect(placed.items!.some((i: any) => i?.variant?.product?.metadata?.order_ops_digital === true)).toBe(true)
      expect(placed.shipping_methods).toHaveLength(2)

      const row = await statusRow(order.id)
      expect(row).toMatchObject({ is_test: true, payment_status: "paid" })

      const flag = await api.get(`/admin/orders/${order.id}/test-order`, admin)
      expect(flag.data.test_order).toMatchObject({ order_id: order.id, payment_state: "paid" })
      const real = await api.get(`/admin/orders/${realOrderId}/test-order`, admin)
      expect(real.data.test_order).toBeNull()
      const unknown = await settle(api.get(`/admin/orders/order_nope/test-order`, admin))
      expect(unknown.status).toBe(404)

      const onlyTest = await api.get(`/admin/order-ops/orders?is_test=true&limit=100`, admin)
      expect(onlyTest.data.orders.map((o: { id: string }) => o.id)).toContain(order.id)
      const onlyReal = await api.get(`/admin/order-ops/orders?is_test=false&limit=100`, admin)
      expect(onlyReal.data.orders.map((o: { id: string }) => o.id)).not.toContain(order.id)

      const { rows: activity } = await knex().raw(
        `select kind from order_activity where order_id = ? and kind = 'test_order.placed'`,
        [order.id]
      )
      expect(activity).toHaveLength(1)
    })

    it("places an unpaid test order with explicit items", async () => {
      const res = await api.post(
        "/admin/test-orders",
        { items: [{ variant_id: physicalVariantId, quantity: 2 }], payment: "unpaid" },
        admin
      )
      expect(res.status).toBe(201)
      expect(res.data.test_order.payment_state).toBe("unpaid")
      const row = await statusRow(res.data.order.id)
      expect(row).toMatchObject({ is_test: true, item_count: 2 })
      expect(row.payment_status).not.toBe("paid")
    })

    it.each([
      ["unknown variant", { items: [{ variant_id: "variant_nope", quantity: 1 }] }, "items[0].variant_id"],
      ["zero quantity", { items: [{ variant_id: "VARIANT", quantity: 0 }] }, "items[0].quantity"],
      ["negative quantity", { items: [{ variant_id: "VARIANT", quantity: 1 }, { variant_id: "VARIANT", quantity: -2 }] }, "items[1].quantity"],
      ["out of stock", { items: [{ variant_id: "VARIANT", quantity: 1000000 }] }, "items[0].quantity"],
      ["unknown region", { region_id: "reg_nope" }, "region_id"],
      ["unknown shipping option", { shipping_option_id: "so_nope" }, "shipping_option_id"],
    ])("%s → 400 naming the field, no order and no cart created", async (_, body, field) => {
      const before = await counts()
      const payload = JSON.parse(JSON.stringify(body).replace(/VARIANT/g, physicalVariantId))
      const res = await settle(api.post("/admin/test-orders", payload, admin))
      expect(res.status).toBe(400)
      expect(res.data.message).toContain(field)
      expect(await counts()).toEqual(before)
    })

    it("notifies only the generated test customer about a test order, never a real address", async () => {
      const notifications = container.resolve(Modules.NOTIFICATION)
      const generated = (await api.post("/admin/test-orders", {}, admin)).data
      const { data: [placed] } = await container.resolve(ContainerRegistrationKeys.QUERY).graph({
        entity: "order",
        fields: ["email"],
        filters: { id: generated.order.id },
      })
      await api.post(`/admin/orders/${generated.order.id}/notes`, { body: "Hi test", visible_to_customer: true }, admin)
      await waitFor(async () => (await notifications.listNotifications({ to: placed.email as string })).length > 0)
      expect((await notifications.listNotifications({ to: placed.email as string })).length).toBeGreaterThan(0)

      const realEmail = "real-person@example.com"
      const withReal = (await api.post("/admin/test-orders", { email: realEmail }, admin)).data
      expect(withReal.test_order.generated_customer).toBe(false)
      await api.post(`/admin/orders/${withReal.order.id}/notes`, { body: "Hi real", visible_to_customer: true }, admin)
      await new Promise((resolve) => setTimeout(resolve, 2000))
      expect(await notifications.listNotifications({ to: realEmail })).toHaveLength(0)
    })

    it("lists test orders", async () => {
      // The runner resets data between tests: place what this test lists.
      for (const payment of ["paid", "unpaid", "paid"]) {
        await api.post("/admin/test-orders", { payment }, admin)
      }
      const res = await api.get("/admin/test-orders?limit=2&offset=0", admin)
      expect(res.data).toMatchObject({ limit: 2, offset: 0, count: 3 })
      expect(res.data.test_orders).toHaveLength(2)
      expect(typeof res.data.test_orders[0].display_id).toBe("number")
    })

    it("rolls everything back when a step after cart completion fails", async () => {
      const before = await counts()
      const failing = createStep("order-ops-test-fail-after-test-order", async () => {
        throw new Error("injected failure")
      })
      const wrapped = createWorkflow("order-ops-test-place-then-fail", function () {
        const placed = placeTestOrderWorkflow.runAsStep({ input: { payment: "paid" } })
        failing()
        return new WorkflowResponse(placed)
      })
      const { errors } = await wrapped(container).run({ throwOnError: false })
      expect(errors[0]?.error?.message).toContain("injected failure")
      // Every step compensated: no order (completeCartWorkflow deletes the order it created),
      // no cart, no generated customer, no test_order row.
      expect(await counts()).toEqual(before)
    })

    it("refuses to delete a real order: 400, nothing touched", async () => {
      const before = await rowsReferencing(realOrderId)
      const res = await settle(api.delete(`/admin/test-orders/${realOrderId}`, admin))
      expect(res.status).toBe(400)
      expect(res.data.message).toContain("real order")
      expect(await rowsReferencing(realOrderId)).toEqual(before)
      const unknown = await settle(api.delete(`/admin/test-orders/order_nope`, admin))
      expect(unknown.status).toBe(404)
    })

    it("deletes a test order and leaves nothing referencing it", async () => {
      const { data } = await api.post("/admin/test-orders", {}, admin)
      const orderId = data.order.id
      await api.post(`/admin/orders/${orderId}/notes`, { body: "to be deleted" }, admin)
      expect(Object.keys(await rowsReferencing(orderId)).length).toBeGreaterThan(1)
      await quiet([orderId])

      const res = await api.delete(`/admin/test-orders/${orderId}`, admin)
      expect(res.data).toEqual({ id: orderId, object: "test_order", deleted: true })
      expect(await rowsReferencing(orderId)).toEqual({})
      const { rows } = await knex().raw(`select count(*)::int as n from customer where id = ? and deleted_at is null`, [
        data.test_order.customer_id,
      ])
      expect(rows[0].n).toBe(0)
    })

    it("buys labels for a test order only from the sandbox carrier, and deletes them with it", async () => {
      const { data } = await api.post("/admin/test-orders", {}, admin)
      const orderId = data.order.id
      const defaults = await api.get(`/admin/orders/${orderId}/label-defaults`, admin)
      expect(defaults.data).toMatchObject({ is_test: true, carriers: [expect.objectContaining({ code: "sandbox", live: false })] })

      const { data: [placed] } = await container.resolve(ContainerRegistrationKeys.QUERY).graph({
        entity: "order",
        fields: ["items.id", "items.quantity", "items.requires_shipping"],
        filters: { id: orderId },
      })
      const physical = placed.items!.find((i: any) => i?.requires_shipping)!
      const request = {
        items: [{ line_item_id: physical.id, quantity: 1 }],
        parcels: [{ length: 20, width: 15, height: 10, distance_unit: "cm", weight: 1, mass_unit: "kg" }],
        from: { name: "Warehouse", street1: "Main st 1", city: "Copenhagen", postal_code: "1050", country_code: "DK" },
      }
      for (const carrier of ["shippo", "easypost"]) {
        const live = await settle(api.post(`/admin/orders/${orderId}/rates`, { ...request, carrier }, admin))
        expect(live.status).toBe(400)
        expect(live.data.message).toContain("test orders can only use the sandbox carrier")
      }
      const rates = await api.post(`/admin/orders/${orderId}/rates`, request, admin)
      expect(rates.data.rates.length).toBeGreaterThan(0)
      expect(rates.data.rates.every((r: { carrier: string }) => r.carrier === "sandbox")).toBe(true)
      const bought = await api.post(
        `/admin/orders/${orderId}/labels`,
        { ...request, carrier: "sandbox", rate: rates.data.rates[0] },
        admin
      )
      expect(bought.status).toBe(201)
      expect(bought.data.label).toMatchObject({ carrier: "sandbox", is_test: true, status: "purchased" })
      expect((await rowsReferencing(orderId)).shipping_label).toBe(1)

      await quiet([orderId])
      await api.delete(`/admin/test-orders/${orderId}`, admin)
      expect(await rowsReferencing(orderId)).toEqual({})
    })

    it("seeds demo test orders idempotently, and purge removes every test order and no real one", async () => {
      expect(await seedDemoTestOrders(container)).toHaveLength(2)
      expect(await seedDemoTestOrders(container)).toHaveLength(0) // test orders exist already
      await api.post("/admin/test-orders", { payment: "unpaid" }, admin)
      const { data: listed } = await api.get("/admin/test-orders?limit=100", admin)
      await quiet(listed.test_orders.map((t: { order_id: string }) => t.order_id))
      const before = await counts()
      const res = await api.post("/admin/test-orders/purge", {}, admin)
      expect(res.data.deleted).toBe(before.tests)
      const after = await counts()
      expect(after.tests).toBe(0)
      expect(after.orders).toBe(before.orders - before.tests)
      for (const id of res.data.order_ids) {
        expect(await rowsReferencing(id)).toEqual({})
      }
      expect(before.tests).toBe(3)
      expect(await container.resolve<TestOrderModuleService>(TEST_ORDER_MODULE).listTestOrders({})).toHaveLength(0)
    })
  },
})
