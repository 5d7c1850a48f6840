import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import {
  createOrderFulfillmentWorkflow,
  createOrderShipmentWorkflow,
  markOrderFulfillmentAsDeliveredWorkflow,
} from "@medusajs/medusa/core-flows"
import seedDemo from "../../src/scripts/seed-demo"
import { type Api, createAdmin, type Headers, settle } from "../helpers/fixtures"

jest.setTimeout(600 * 1000)

type Db = { raw: (sql: string, bindings?: unknown[]) => Promise<{ rows: any[] }> }

/**
 * Test orders that went the whole way — paid, digital items delivered and
 * the order auto-completed, a parcel shipped, a parcel delivered — delete
 * cleanly; a delete racing the order's own subscribers succeeds or refuses
 * cleanly; a delete failing at its last step leaves the order exactly as it was.
 */
medusaIntegrationTestRunner({
  inApp: true,
  env: {},
  testSuite: ({ api: rawApi, getContainer }) => {
    const api = rawApi as Api
    let container: MedusaContainer
    let admin: Headers & { userId: string }
    const variants: Record<string, string> = {}
    let physicalVariantId: string

    const db = () => container.resolve(ContainerRegistrationKeys.PG_CONNECTION) as unknown as Db
    const waitFor = async (check: () => Promise<boolean>, tries = 600) => {
      for (let i = 0; i < tries && !(await check()); i++) {
        await new Promise((r) => setTimeout(r, 100))
      }
      expect(await check()).toBe(true)
    }
    /** Live rows in any table with an `order_id` column, plus the order row and its fulfillments' state. */
    const rowsReferencing = async (orderId: string) => {
      const { rows: tables } = await db().raw(
        `select c.table_name, exists (select 1 from information_schema.columns d
           where d.table_schema = c.table_schema and d.table_name = c.table_name and d.column_name = 'deleted_at') as soft
         from information_schema.columns c
         join information_schema.tables t on t.table_schema = c.table_schema and t.table_name = c.table_name and t.table_type = 'BASE TABLE'
         where c.table_schema = 'public' and c.column_name = 'order_id'`
      )
      const found: Record<string, number | string> = {}
      for (const { table_name, soft } of tables) {
        const { rows } = await db().raw(
          `select count(*)::int as n from "${table_name}" where order_id = ?${soft ? " and deleted_at is null" : ""}`,
          [orderId]
        )
        if (rows[0].n) {
          found[table_name] = rows[0].n
        }
      }
      const { rows } = await db().raw(`select count(*)::int as n from "order" where id = ? and deleted_at is null`, [orderId])
      if (rows[0].n) {
        found.order = rows[0].n
      }
      const { rows: fulfillments } = await db().raw(
        `select f.id, f.canceled_at, f.shipped_at, f.delivered_at from fulfillment f
         join order_fulfillment l on l.fulfillment_id = f.id and l.deleted_at is null
         where l.order_id = ? and f.deleted_at is null order by f.id`,
        [orderId]
      )
      if (fulfillments.length) {
        found.fulfillments = JSON.stringify(fulfillments)
      }
      return found
    }
    /** Waits until what references an order stops changing (its subscribers finished). */
    const quiet = async (orderId: string) => {
      let last = JSON.stringify(await rowsReferencing(orderId))
      for (let stable = 0, i = 0; stable < 3 && i < 100; i++) {
        await new Promise((resolve) => setTimeout(resolve, 300))
        const now = JSON.stringify(await rowsReferencing(orderId))
        stable = now === last ? stable + 1 : 0
        last = now
      }
    }
    const orderStatus = async (id: string) =>
      (await container.resolve(Modules.ORDER).listOrders({ id }, { select: ["status"] }))[0]?.status as string | undefined
    const physicalItems = async (orderId: string) => {
      const { data } = await container.resolve(ContainerRegistrationKeys.QUERY).graph({
        entity: "order",
        fields: ["items.id", "items.quantity", "items.requires_shipping"],
        filters: { id: orderId },
      })
      return (data[0].items as { id: string; quantity: number; requires_shipping: boolean }[])
        .filter((i) => i.requires_shipping)
        // Every test order here has one unit of its physical item.
        .map((i) => ({ id: i.id, quantity: 1 }))
    }
    const ship = async (orderId: string) => {
      const items = await physicalItems(orderId)
      const { result: fulfillment } = await createOrderFulfillmentWorkflow(container).run({
        input: { order_id: orderId, items, no_notification: true },
      })
      await createOrderShipmentWorkflow(container).run({
        input: { order_id: orderId, fulfillment_id: fulfillment.id, items, no_notification: true },
      })
      return fulfillment.id as string
    }

    beforeAll(async () => {
      container = getContainer()
      admin = await createAdmin(api, container)
      await seedDemo({ container, args: [] })
      const { data } = await container.resolve(ContainerRegistrationKeys.QUERY).graph({
        entity: "product_variant",
        fields: ["id", "sku", "manage_inventory"],
      })
      for (const v of data) {
        variants[v.sku as string] = v.id as string
      }
      physicalVariantId = data.find((v) => v.manage_inventory)!.id as string
      const file = await container.resolve(Modules.FILE).createFiles({
        filename: "handbook.pdf",
        mimeType: "application/pdf",
        content: Buffer.from("%PDF-1.4 the handbook").toString("base64"),
        access: "private",
      })
      const pool = (await api.post("/admin/license-pools", { name: "Seats" }, admin)).data.license_pool
      await api.post(`/admin/license-pools/${pool.id}/codes`, { codes: "SEAT-1\nSEAT-2\nSEAT-3" }, admin)
      await api.post("/admin/delivery-products", { variant_id: variants["OOPS-LICENSE-1"], method: "license_code", settings: { pool_id: pool.id } }, admin)
      await api.post(
        "/admin/delivery-products",
        {
          variant_id: variants["OOPS-EBOOK-PDF"],
          method: "download",
          settings: { file_ids: [file.id], file_names: { [file.id]: "handbook.pdf" }, link_lifetime_hours: 24, max_downloads: 3 },
        },
        admin
      )
    })

    it("deletes a paid test order whose download and license code were delivered and which completed itself", async () => {
      const { data } = await api.post(
        "/admin/test-orders",
        { items: [{ variant_id: variants["OOPS-EBOOK-PDF"], quantity: 1 }, { variant_id: variants["OOPS-LICENSE-1"], quantity: 1 }] },
        admin
      )
      const orderId = data.order.id as string
      await waitFor(async () => (await orderStatus(orderId)) === "completed")
      await quiet(orderId)
      const before = await rowsReferencing(orderId)
      expect(before.delivery).toBe(2)
      expect(before.fulfillments).toContain("delivered_at")

      const res = await api.delete(`/admin/test-orders/${orderId}`, admin)
      expect(res.data).toEqual({ id: orderId, object: "test_order", deleted: true })
      expect(await rowsReferencing(orderId)).toEqual({})
    })

    it("deletes a physical test order that was shipped, and another marked delivered", async () => {
      const shipped = (await api.post("/admin/test-orders", { items: [{ variant_id: physicalVariantId, quantity: 1 }] }, admin)).data.order.id as string
      const delivered = (await api.post("/admin/test-orders", { items: [{ variant_id: physicalVariantId, quantity: 1 }] }, admin)).data.order.id as string
      await ship(shipped)
      const fulfillmentId = await ship(delivered)
      await markOrderFulfillmentAsDeliveredWorkflow(container).run({ input: { orderId: delivered, fulfillmentId } })
      for (const id of [shipped, delivered]) {
        await quiet(id)
        expect((await rowsReferencing(id)).fulfillments).toBeTruthy()
        const res = await settle(api.delete(`/admin/test-orders/${id}`, admin))
        expect(res.status).toBe(200)
        expect(await rowsReferencing(id)).toEqual({})
      }
    })

    it("deletes a test order the moment it is placed, or refuses cleanly, never half-way", async () => {
      const { data } = await api.post(
        "/admin/test-orders",
        { items: [{ variant_id: physicalVariantId, quantity: 1 }, { variant_id: variants["OOPS-EBOOK-PDF"], quantity: 1 }] },
        admin
      )
      const orderId = data.order.id as string
      // No waiting: the order's subscribers (statuses, deliveries, follow-ups) are running now.
      const res = await settle(api.delete(`/admin/test-orders/${orderId}`, admin))
      expect([200, 409]).toContain(res.status)
      await quiet(orderId)
      if (res.status === 200) {
        expect(await rowsReferencing(orderId)).toEqual({})
      } else {
        expect((await rowsReferencing(orderId)).order).toBe(1)
        expect((await api.get(`/admin/orders/${orderId}/test-order`, admin)).data.test_order).toBeTruthy()
      }
    })

    it("leaves the order exactly as before when the delete fails at its last step", async () => {
      const { data } = await api.post(
        "/admin/test-orders",
        { items: [{ variant_id: physicalVariantId, quantity: 1 }] },
        admin
      )
      const orderId = data.order.id as string
      const fulfillmentId = await ship(orderId)
      await markOrderFulfillmentAsDeliveredWorkflow(container).run({ input: { orderId, fulfillmentId } })
      await api.post(`/admin/orders/${orderId}/notes`, { body: "keep me" }, admin)
      await quiet(orderId)
      const before = await rowsReferencing(orderId)
      expect(before.fulfillments).toContain("delivered_at")
      const statusBefore = await orderStatus(orderId)

      const orders = container.resolve(Modules.ORDER)
      const spy = jest.spyOn(orders, "deleteOrders").mockRejectedValueOnce(new Error("injected failure deleting the orders"))
      try {
        const res = await settle(api.delete(`/admin/test-orders/${orderId}`, admin))
        expect(res.status).toBeGreaterThanOrEqual(400)
        expect(spy).toHaveBeenCalledTimes(1)
      } finally {
        spy.mockRestore()
      }
      expect(await rowsReferencing(orderId)).toEqual(before)
      const listed = await api.get(`/admin/order-ops/orders?is_test=true&limit=100`, admin)
      expect(listed.data.orders.map((o: { id: string }) => o.id)).toContain(orderId)
      expect((await api.get(`/admin/orders/${orderId}/test-order`, admin)).data.test_order).toMatchObject({ order_id: orderId })
      expect(await orderStatus(orderId)).toBe(statusBefore)

      // And the order can still be deleted afterwards.
      expect((await api.delete(`/admin/test-orders/${orderId}`, admin)).status).toBe(200)
      expect(await rowsReferencing(orderId)).toEqual({})
    })
  },
})
