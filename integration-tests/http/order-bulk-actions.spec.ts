import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { runDocumentJobs } from "../../src/jobs/document-job-sweep"
import { SHIPMENT_MODULE } from "../../src/modules/shipment"
import type ShipmentModuleService from "../../src/modules/shipment/service"
import { createManualShipmentWorkflow } from "../../src/workflows/shipments/workflows/create-manual-shipment"
import { refreshOrderStatusWorkflow } from "../../src/workflows/order-status/workflows/refresh-order-status"
import type { BulkOrderOutcome } from "../../src/types"
import { type Api, createAdmin, createPlainOrder, createShippableOrder, createWarehouse, type Headers, settle } from "../helpers/fixtures"

// Only this file runs the document sweep: `server` mode registers no scheduled jobs.
process.env.MEDUSA_WORKER_MODE = "server"

jest.setTimeout(300 * 1000)

medusaIntegrationTestRunner({
  inApp: true,
  env: { LOG_LEVEL: "error" },
  testSuite: ({ api: rawApi, getContainer }) => {
    const api = rawApi as Api
    let container: MedusaContainer
    let admin: Headers & { userId: string }

    const shipmentsOf = async (orderId: string) =>
      container.resolve<ShipmentModuleService>(SHIPMENT_MODULE).listShipments({ order_id: orderId })
    const fulfillmentsOf = async (orderId: string) => {
      const { data } = await container.resolve(ContainerRegistrationKeys.QUERY).graph({
        entity: "order",
        fields: ["fulfillments.id", "fulfillments.shipped_at", "fulfillments.canceled_at"],
        filters: { id: orderId },
      })
      return (data[0]?.fulfillments ?? []) as { id: string; shipped_at: unknown; canceled_at: unknown }[]
    }
    const byOrder = (orders: BulkOrderOutcome[]) => Object.fromEntries(orders.map((o) => [o.order_id, o]))

    beforeEach(async () => {
      container = getContainer()
      admin = await createAdmin(api, container, "bulk-admin@order-ops.test")
    })

    it("Mark as shipped: one manual shipment of everything unfulfilled per order, an order already shipped skipped, an order that cannot ship failed with nothing half-done", async () => {
      const warehouse = await createWarehouse(container)
      const [a, b, shipped] = [
        await createShippableOrder(container, warehouse),
        await createShippableOrder(container, warehouse),
        await createShippableOrder(container, warehouse),
      ]
      // Its shipment write fails after core's fulfillment (and shipment) were made: the
      // manual shipment workflow must undo them, so nothing is half-done in that order.
      const unshippable = await createShippableOrder(container, warehouse)
      const ids = [a.id, b.id, shipped.id, unshippable.id]
      await refreshOrderStatusWorkflow(container).run({ input: { order_ids: ids } })
      // Half of order `a` is already out; `shipped` is out completely.
      await createManualShipmentWorkflow(container).run({
        input: { order_id: a.id, items: [{ line_item_id: a.items[0].id, quantity: 1 }], shipping_point: "local" },
      })
      await createManualShipmentWorkflow(container).run({
        input: { order_id: shipped.id, items: shipped.items.map((i) => ({ line_item_id: i.id, quantity: i.quantity })), shipping_point: "local" },
      })

      const service = container.resolve<ShipmentModuleService>(SHIPMENT_MODULE)
      const original = service.createShipments.bind(service)
      const spy = jest.spyOn(service, "createShipments").mockImplementation(((data: unknown, ...rest: unknown[]) => {
        if ([data].flat().some((d) => (d as { order_id?: string }).order_id === unshippable.id)) {
          return Promise.reject(new Error("shipment store down"))
        }
        return (original as (...args: unknown[]) => unknown)(data, ...rest)
      }) as typeof service.createShipments)

      const res = await api.post("/admin/order-ops/bulk/mark-shipped", { order_ids: ids }, admin)
      expect(res.status).toBe(202)
      expect(res.data.job).toMatchObject({ kind: "mark_shipped", status: "pending", result: null })
      expect((await runDocumentJobs(container, { page_size: 3 })).ran).toEqual([res.data.job.id])
      spy.mockRestore()

      const { job } = (await api.get(`/admin/order-ops/bulk/${res.data.job.id}`, admin)).data
      expect(job).toMatchObject({ status: "completed", progress_done: 4, progress_total: 4 })
      expect(job.result).toMatchObject({ done: 2, skipped: 1, failed: 1 })
      const outcome = byOrder(job.result.orders)
      expect(outcome[a.id]).toMatchObject({ status: "done", message: expect.stringMatching(/^shp/) })
      expect(outcome[b.id]).toMatchObject({ status: "done" })
      expect(outcome[shipped.id]).toMatchObject({ status: "skipped", message: "Nothing left to ship" })
      expect(outcome[unshippable.id]).toMatchObject({ status: "failed", message: expect.stringContaining("shipment store down") })

      // `a`: the rest of it in one more shipment; `b`: everything in one shipment, shipped.
      const aShipments = await shipmentsOf(a.id)
      expect(aShipments).toHaveLength(2)
      const bShipments = await shipmentsOf(b.id)
      expect(bShipments).toHaveLength(1)
      expect(bShipments[0]).toMatchObject({ status: "shipped", shipping_point: "local" })
      expect((bShipments[0].items as unknown as { quantity: number }[]).reduce((n, i) => n + i.quantity, 0)).toBe(4)
      expect(await shipmentsOf(shipped.id)).toHaveLength(1)
      // Nothing half-done in the order that failed: no shipment, its core fulfillment canceled.
      expect(await shipmentsOf(unshippable.id)).toHaveLength(0)
      expect((await fulfillmentsOf(unshippable.id)).filter((f) => !f.canceled_at)).toHaveLength(0)
      expect((await api.get(`/admin/orders/${unshippable.id}/status`, admin)).data.order_status.fulfillment_status).toBe("unfulfilled")
      const { data: status } = await api.get(`/admin/orders/${b.id}/status`, admin)
      expect(status.order_status.fulfillment_status).toBe("fulfilled")

      // Again, with the store back: the failed order ships, every other one is skipped.
      const again = await api.post("/admin/order-ops/bulk/mark-shipped", { order_ids: ids }, admin)
      await runDocumentJobs(container)
      const second = (await api.get(`/admin/order-ops/bulk/${again.data.job.id}`, admin)).data.job
      expect(second.result).toMatchObject({ done: 1, skipped: 3, failed: 0 })
      expect(await shipmentsOf(unshippable.id)).toHaveLength(1)
    })

    it("Issue invoices: each order's invoice in the list's order, consecutive numbers; an order with one keeps it", async () => {
      const orders = []
      for (let i = 0; i < 4; i++) orders.push(await createPlainOrder(container, { email: `bulk-invoice-${i}@example.com` }))
      const ids = orders.map((o) => o.id)
      await refreshOrderStatusWorkflow(container).run({ input: { order_ids: ids } })
      const first = (await api.post(`/admin/orders/${ids[1]}/invoice`, {}, admin)).data.invoice
      expect(first.display_number).toBe("INV-000001")

      const res = await api.post("/admin/order-ops/bulk/issue-invoices", { order_ids: ids }, admin)
      expect(res.status).toBe(202)
      await runDocumentJobs(container, { page_size: 2 })
      const { job } = (await api.get(`/admin/order-ops/bulk/${res.data.job.id}`, admin)).data
      expect(job).toMatchObject({ kind: "issue_invoices", status: "completed", progress_done: 4, result: { done: 3, skipped: 1, failed: 0 } })
      const outcome = byOrder(job.result.orders)
      expect(outcome[ids[1]]).toMatchObject({ status: "skipped", message: "Already has invoice INV-000001" })
      // Newest first, as the list shows them: the numbers follow that order without a gap.
      const issued = (job.result.orders as BulkOrderOutcome[]).filter((o) => o.status === "done").map((o) => o.message)
      expect(issued).toEqual(["INV-000002", "INV-000003", "INV-000004"])
      for (const id of ids) {
        expect((await api.get(`/admin/orders/${id}/invoice`, admin)).data.invoice.display_number).toMatch(/^INV-00000[1-4]$/)
      }
    })

    it("bad bodies are 400s naming the field; unknown or other jobs 404; a finished job cannot be canceled", async () => {
      for (const path of ["/admin/order-ops/bulk/issue-invoices", "/admin/order-ops/bulk/mark-shipped"]) {
        const empty = await settle(api.post(path, { order_ids: [] }, admin))
        expect(empty.status).toBe(400)
        expect(empty.data.message).toContain("order_ids")
        const badFilter = await settle(api.post(path, { filters: { payment_status: "lost" } }, admin))
        expect(badFilter.status).toBe(400)
        expect(badFilter.data.message).toContain("filters.payment_status")
        const unknown = await settle(api.post(path, { orders: ["x"] }, admin))
        expect(unknown.status).toBe(400)
        expect(unknown.data.message).toContain("orders")
      }
      expect((await settle(api.get("/admin/order-ops/bulk/odjob_nope", admin))).status).toBe(404)
      const slips = await api.post("/admin/order-ops/packing-slips", { order_ids: ["order_x"] }, admin)
      expect((await settle(api.get(`/admin/order-ops/bulk/${slips.data.job.id}`, admin))).status).toBe(404)

      const queued = await api.post("/admin/order-ops/bulk/issue-invoices", { order_ids: ["order_none"] }, admin)
      const canceled = await api.post(`/admin/order-ops/bulk/${queued.data.job.id}/cancel`, {}, admin)
      expect(canceled.data.job.status).toBe("canceled")
      expect((await settle(api.post(`/admin/order-ops/bulk/${queued.data.job.id}/cancel`, {}, admin))).status).toBe(400)
    })
  },
})
