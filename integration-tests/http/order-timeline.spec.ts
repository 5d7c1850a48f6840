import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import type { MedusaContainer } from "@medusajs/framework/types"
import { type Api, createAdmin, createPlainOrder, type Headers, settle } from "../helpers/fixtures"

jest.setTimeout(120 * 1000)


medusaIntegrationTestRunner({
  inApp: true,
  env: {},
  testSuite: ({ api: rawApi, getContainer }) => {
    const api = rawApi as Api
    let container: MedusaContainer
    let admin: Headers & { userId: string }
    let order: { id: string }

    beforeEach(async () => {
      container = getContainer()
      admin = await createAdmin(api, container)
      order = await createPlainOrder(container)
    })

    const timeline = (query = "") => api.get(`/admin/orders/${order.id}/timeline${query}`, admin)

    it("merges core history with the plugin's activity, newest first, with who did what", async () => {
      const created = await api.post(`/admin/orders/${order.id}/notes`, { body: "Fragile" }, admin)
      await api.post(`/admin/orders/${order.id}/notes/${created.data.note.id}`, { body: "Fragile — glass" }, admin)
      await api.delete(`/admin/orders/${order.id}/notes/${created.data.note.id}`, admin)

      const res = await timeline()
      expect(res.status).toBe(200)
      expect(res.data).toMatchObject({ count: 4, limit: 20, offset: 0 })
      expect(res.data.timeline.map((e: { kind: string }) => e.kind)).toEqual([
        "note.deleted",
        "note.updated",
        "note.created",
        "order.placed",
      ])
      const [deleted, , , placed] = res.data.timeline
      expect(deleted).toMatchObject({
        source: "order_ops",
        actor: { type: "user", id: admin.userId, display: "Ada Admin" },
        resource: { type: "order_note", id: created.data.note.id },
        data: { excerpt: "Fragile — glass" },
      })
      expect(placed).toMatchObject({
        id: `order.placed:${order.id}`,
        source: "core",
        resource: { type: "order", id: order.id },
        data: { email: "buyer@example.com" },
      })
      const times = res.data.timeline.map((e: { occurred_at: string }) => e.occurred_at)
      expect([...times].sort().reverse()).toEqual(times)
    })

    it("pages through the whole timeline without gaps or repeats", async () => {
      for (let i = 0; i < 12; i++) {
        await api.post(`/admin/orders/${order.id}/notes`, { body: `note ${i}` }, admin)
      }
      const seen: string[] = []
      for (let offset = 0; offset < 13; offset += 5) {
        const page = await timeline(`?limit=5&offset=${offset}`)
        expect(page.data.count).toBe(13)
        seen.push(...page.data.timeline.map((e: { id: string }) => e.id))
      }
      expect(seen).toHaveLength(13)
      expect(new Set(seen).size).toBe(13)
      expect(seen[12]).toBe(`order.placed:${order.id}`)
      expect((await timeline("?limit=5&offset=13")).data.timeline).toEqual([])
    })

    it("filters by kind", async () => {
      const note = await api.post(`/admin/orders/${order.id}/notes`, { body: "a" }, admin)
      await api.post(`/admin/orders/${order.id}/notes/${note.data.note.id}`, { body: "b" }, admin)
      const res = await timeline("?kind=note.updated&kind=order.placed")
      expect(res.data.count).toBe(2)
      expect(res.data.timeline.map((e: { kind: string }) => e.kind)).toEqual(["note.updated", "order.placed"])
    })

    it("does not show another order's activity", async () => {
      const other = await createPlainOrder(container, { email: "x@example.com" })
      await api.post(`/admin/orders/${other.id}/notes`, { body: "elsewhere" }, admin)
      const res = await timeline()
      expect(res.data.timeline.map((e: { kind: string }) => e.kind)).toEqual(["order.placed"])
    })

    it("is a 404 for an unknown order", async () => {
      const res = await settle(api.get(`/admin/orders/order_missing/timeline`, admin))
      expect(res.status).toBe(404)
    })

    it.each([
      ["limit=0", "limit"],
      ["limit=501", "limit"],
      ["limit=abc", "limit"],
      ["offset=-1", "offset"],
      ["sort=asc", "sort"],
    ])("refuses ?%s with a 400 naming the field", async (query, field) => {
      const res = await settle(timeline(`?${query}`))
      expect(res.status).toBe(400)
      expect(res.data.message).toContain(field)
    })

    it("needs an admin", async () => {
      expect((await settle(api.get(`/admin/orders/${order.id}/timeline`))).status).toBe(401)
    })
  },
})
