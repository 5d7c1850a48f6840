import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import type { ExecArgs } from "@medusajs/framework/types"
import seedDemo from "../../src/scripts/seed-demo"
import { type Api, createAdmin } from "../helpers/fixtures"

jest.setTimeout(240 * 1000)

type Entry = { kind: string; source: string; data: Record<string, unknown>; actor: { type: string } }

/**
 * The timeline over real orders: the demo seed places orders through the
 * storefront path and moves them with Medusa's own workflows (capture,
 * fulfil, ship, deliver, return, refund, cancel); each of those must show up.
 */
medusaIntegrationTestRunner({
  inApp: true,
  env: {},
  testSuite: ({ api: rawApi, getContainer }) => {
    const api = rawApi as Api

    it("shows every core event of the seeded orders, and the seed is idempotent", async () => {
      const container = getContainer()
      await seedDemo({ container, args: [] } as unknown as ExecArgs)
      const admin = await createAdmin(api, container, "timeline-admin@order-ops.test")

      const { data: list } = await api.get("/admin/orders?limit=50&fields=id,display_id", admin)
      expect(list.orders.length).toBeGreaterThanOrEqual(12)

      const byOrder = new Map<number, Entry[]>()
      for (const order of list.orders as { id: string; display_id: number }[]) {
        const { data } = await api.get(`/admin/orders/${order.id}/timeline?limit=100`, admin)
        expect(data.timeline).toHaveLength(data.count)
        byOrder.set(order.display_id, data.timeline)
      }
      const all = [...byOrder.values()].flat()
      const kinds = new Set(all.map((e) => e.kind))
      for (const kind of [
        "order.placed",
        "order.canceled",
        "payment.authorized",
        "payment.captured",
        "payment.refunded",
        "fulfillment.created",
        "fulfillment.delivered",
        "shipment.created",
        "shipment.status_changed",
        "return.requested",
        "return.received",
        "note.created",
      ]) {
        expect({ kind, present: kinds.has(kind) }).toEqual({ kind, present: true })
      }
      expect(all.some((e) => e.kind === "shipment.status_changed" && e.data.to === "shipped" && String(e.data.tracking_number).startsWith("DEMO"))).toBe(true)
      expect(all.some((e) => e.kind === "shipment.status_changed" && e.data.to === "delivery_failed")).toBe(true)
      // Fulfillments that are our shipments are told once, by the shipment's entries.
      const shipmentFulfillments = all.filter((e) => e.kind === "fulfillment.shipped")
      expect(shipmentFulfillments).toEqual([])
      expect(all.filter((e) => e.kind === "order.placed").every((e) => e.actor.type === "customer")).toBe(true)
      expect(all.filter((e) => e.kind === "payment.captured").every((e) => typeof e.data.amount === "number" && (e.data.amount as number) > 0)).toBe(true)
      // Every order's first entry (oldest) is its placement.
      for (const entries of byOrder.values()) {
        expect(entries[entries.length - 1].kind).toBe("order.placed")
      }

      const countOrders = async () => (await api.get("/admin/orders?limit=1", admin)).data.count
      const before = await countOrders()
      await seedDemo({ container, args: [] } as unknown as ExecArgs)
      expect(await countOrders()).toBe(before)
    })
  },
})
