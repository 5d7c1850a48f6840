import fs from "node:fs"
import os from "node:os"
import path from "node:path"
import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { PDFDocument } from "pdf-lib"
import { runDocumentJobs } from "../../src/jobs/document-job-sweep"
import { ORDER_DOCUMENT_MODULE } from "../../src/modules/order-document"
import type OrderDocumentModuleService from "../../src/modules/order-document/service"
import { SHIPMENT_MODULE } from "../../src/modules/shipment"
import type ShipmentModuleService from "../../src/modules/shipment/service"
import { SandboxCarrierClient, ShippoCarrierClient } from "../../src/modules/shipment/carriers"
import { TEST_ORDER_MODULE } from "../../src/modules/test-order"
import type TestOrderModuleService from "../../src/modules/test-order/service"
import type { AdminLabelBatch, LabelBatchOutcome } from "../../src/types"
import { buyBatchLabelWorkflow } from "../../src/workflows/labels/workflows/buy-batch-label"
import { labelBatchKey } from "../../src/workflows/labels/utils/label-batch"
import { refreshOrderStatusWorkflow } from "../../src/workflows/order-status/workflows/refresh-order-status"
import { SHIPPO_FAKE_API_KEY, type ShippoFakeHandle, startShippoFake } from "../fakes/shippo-server"
import { type Api, createAdmin, createShippableOrder, createWarehouse, type Headers, settle } from "../helpers/fixtures"

// Only the test runs the document sweep: `server` mode registers no scheduled jobs.
process.env.MEDUSA_WORKER_MODE = "server"
// Label files and merged batches go through the file module to disk; keep them out of the repo.
const UPLOADS = fs.mkdtempSync(path.join(os.tmpdir(), "order-ops-label-batches-"))
process.env.ORDER_OPS_UPLOAD_DIR = UPLOADS

jest.setTimeout(600 * 1000)

const BOX = { length: 20, width: 15, height: 10, distance_unit: "cm", weight: 1.2, mass_unit: "kg" }
const REJECTED_STREET = "1 Nowhere Lane"

medusaIntegrationTestRunner({
  inApp: true,
  env: { LOG_LEVEL: "error" },
  testSuite: ({ api: rawApi, getContainer }) => {
    const api = rawApi as Api
    let container: MedusaContainer
    let admin: Headers & { userId: string }
    let warehouse: { shippingOptionId: string; locationId: string }
    let templateId: string
    let shippo: ShippoFakeHandle

    const service = () => container.resolve<ShipmentModuleService>(SHIPMENT_MODULE)
    const batchOf = async (id: string): Promise<AdminLabelBatch> =>
      (await api.get(`/admin/order-ops/label-batches/${id}`, admin)).data.label_batch
    const download = async (url: string, responseType: "arraybuffer" | "text") =>
      (await api.get(url, { ...admin, responseType })) as { status: number; data: any; headers: Record<string, string> }
    const byOrder = (orders: LabelBatchOutcome[]) => Object.fromEntries(orders.map((o) => [o.order_id, o]))
    const openFulfillments = async (orderId: string) => {
      const { data } = await container.resolve(ContainerRegistrationKeys.QUERY).graph({
        entity: "order",
        fields: ["fulfillments.id", "fulfillments.canceled_at"],
        filters: { id: orderId },
      })
      return ((data[0]?.fulfillments ?? []) as { canceled_at: unknown }[]).filter((f) => !f.canceled_at)
    }
    /** Fresh orders in the Order operations list (order_status rows). */
    const createOrders = async (n: number) => {
      const orders: Awaited<ReturnType<typeof createShippableOrder>>[] = []
      for (let i = 0; i < n; i++) {
        orders.push(await createShippableOrder(container, warehouse))
      }
      return orders
    }
    const listed = (ids: string[]) => refreshOrderStatusWorkflow(container).run({ input: { order_ids: ids } })
    const rejectAddressOf = async (orderId: string) => {
      const orders = container.resolve(Modules.ORDER)
      const [order] = await orders.listOrders({ id: orderId }, { relations: ["shipping_address"] })
      await orders.updateOrderAddresses([{ id: order.shipping_address!.id, address_1: REJECTED_STREET }])
      shippo.state.rejected_streets.add(REJECTED_STREET)
    }

    beforeAll(async () => {
      shippo = await startShippoFake()
    })
    afterAll(async () => {
      await shippo.close()
      fs.rmSync(UPLOADS, { recursive: true, force: true })
    })

    beforeEach(async () => {
      container = getContainer()
      admin = await createAdmin(api, container, "label-batches@order-ops.test")
      warehouse = await createWarehouse(container)
      service().setCarrier(new SandboxCarrierClient({ step_minutes: 2 }))
      service().setCarrier(new ShippoCarrierClient({ api_key: SHIPPO_FAKE_API_KEY, base_url: shippo.url }))
      shippo.requests.length = 0
      shippo.state.label_purchases = 0
      shippo.state.rejected_streets.clear()
      const template = await api.post("/admin/parcel-templates", { name: "Small box", ...BOX }, admin)
      templateId = template.data.parcel_template.id
    })

    it("buys 49 labels for 50 orders: a key replayed buys nothing twice, a rejected address is one error naming its order, a test order gets a sandbox label, and Print all is one 49-page PDF", async () => {
      const orders = await createOrders(50)
      const [replayed, rejected, testOrder] = orders
      await rejectAddressOf(rejected.id)
      await container.resolve<TestOrderModuleService>(TEST_ORDER_MODULE).createTestOrders({ order_id: testOrder.id, payment_state: "paid" })
      const ids = orders.map((o) => o.id)
      await listed(ids)

      const body = {
        order_ids: ids,
        include_test_orders: true,
        parcel_template_id: templateId,
        rule: { type: "service", services: { shippo: "usps_priority" } },
        carriers: ["shippo"],
        label_format: "PDF",
        location_id: warehouse.locationId,
      }
      const created = await api.post("/admin/order-ops/label-batches", body, admin)
      expect(created.status).toBe(202)
      const batch: AdminLabelBatch = created.data.label_batch
      expect(batch).toMatchObject({ status: "pending", progress_done: 0, file_url: null, result: null })
      const early = await settle(api.get(`/admin/order-ops/label-batches/${batch.id}/file`, admin))
      expect(early.status).toBe(409)

      // A first worker bought one order's label with the batch's key and died before it recorded the batch's progress.
      const { parcel_template_id, rule, carriers, label_format, location_id } = batch.params
      const first = await buyBatchLabelWorkflow(container).run({
        input: { batch_id: batch.id, order_id: replayed.id, parcel_template_id, rule, carriers, label_format, location_id },
      })
      expect(first.result.created).toBe(true)
      expect(shippo.state.label_purchases).toBe(1)

      expect((await runDocumentJobs(container, { page_size: 20 })).ran).toEqual([batch.id])

      const done = await batchOf(batch.id)
      expect(done.status).toBe("completed")
      expect(done.progress_done).toBe(50)
      expect(done.progress_total).toBe(50)
      expect(done.result).toMatchObject({ done: 49, skipped: 0, failed: 1, labels: 49 })
      const outcomes = byOrder(done.result!.orders)
      expect(Object.keys(outcomes).sort()).toEqual([...ids].sort())
      const failed = done.result!.orders.filter((o) => o.status === "failed")
      expect(failed.map((o) => o.order_id)).toEqual([rejected.id])
      expect(failed[0].message).toContain(`#${failed[0].display_id}`)
      expect(failed[0].message).toContain(REJECTED_STREET)
      expect(outcomes[replayed.id]).toMatchObject({ status: "done", label_id: first.result.label_id, message: "Bought earlier in this batch" })

      // No duplicate purchase: 47 live orders bought at Shippo in the batch, plus the replayed one before it.
      expect(shippo.state.label_purchases).toBe(48)
      const ledger = await service().listShippingLabels({ order_id: ids }, { take: null })
      const purchased = ledger.filter((l) => l.status === "purchased")
      expect(purchased).toHaveLength(49)
      expect(new Set(purchased.map((l) => l.order_id)).size).toBe(49)
      expect(ledger.every((l) => l.idempotency_key === labelBatchKey(batch.id, l.order_id))).toBe(true)
      expect(ledger.find((l) => l.order_id === rejected.id)).toMatchObject({ status: "failed" })
      expect(await openFulfillments(rejected.id)).toHaveLength(0)

      // The rule: live orders got the named service at Shippo; the test order only a sandbox label.
      for (const label of purchased.filter((l) => l.order_id !== testOrder.id)) {
        expect(label).toMatchObject({ carrier: "shippo", service_code: "usps_priority", is_test: false })
      }
      expect(purchased.find((l) => l.order_id === testOrder.id)).toMatchObject({ carrier: "sandbox", is_test: true })
      expect(shippo.requests.filter((r) => r.method === "POST" && r.path === "/shipments")).toHaveLength(49)

      // Every bought order is shipped with its label.
      for (const id of ids.filter((id) => id !== rejected.id)) {
        expect(await openFulfillments(id)).toHaveLength(1)
      }

      expect(done.file_url).toBe(`/admin/order-ops/label-batches/${batch.id}/file`)
      const file = await download(done.file_url!, "arraybuffer")
      expect(file.status).toBe(200)
      expect(file.headers["content-type"]).toContain("application/pdf")
      const pdf = await PDFDocument.load(Buffer.from(file.data))
      expect(pdf.getPageCount()).toBe(49)

      // The sweep never runs a finished batch again.
      expect((await runDocumentJobs(container)).ran).toEqual([])
      expect(shippo.state.label_purchases).toBe(48)
    })

    it("prints a ZPL batch as one file, the cheapest rule per order, test orders from the sandbox only even when only Shippo was chosen", async () => {
      const orders = await createOrders(3)
      await container.resolve<TestOrderModuleService>(TEST_ORDER_MODULE).createTestOrders({ order_id: orders[2].id, payment_state: "paid" })
      await listed(orders.map((o) => o.id))
      const created = await api.post(
        "/admin/order-ops/label-batches",
        {
          order_ids: orders.map((o) => o.id),
          include_test_orders: true,
          parcel_template_id: templateId,
          rule: { type: "cheapest" },
          carriers: ["shippo"],
          label_format: "ZPL",
          location_id: warehouse.locationId,
        },
        admin
      )
      await runDocumentJobs(container)
      const done = await batchOf(created.data.label_batch.id)
      expect(done.result).toMatchObject({ done: 3, failed: 0, labels: 3 })
      const labels = await service().listShippingLabels({ order_id: orders.map((o) => o.id) })
      const byId = Object.fromEntries(labels.map((l) => [l.order_id, l]))
      // Shippo's cheapest in the fake is USPS Ground Advantage.
      expect(byId[orders[0].id]).toMatchObject({ carrier: "shippo", service_code: "usps_ground_advantage", label_format: "ZPL" })
      expect(byId[orders[2].id]).toMatchObject({ carrier: "sandbox", is_test: true, label_format: "ZPL" })
      expect(shippo.state.label_purchases).toBe(2)
      const file = await download(done.file_url!, "text")
      expect(file.headers["content-type"]).toContain("application/x-zpl")
      const zpl = String(file.data)
      expect(zpl.match(/\^XA/g)).toHaveLength(3)
      expect(zpl.match(/\^XZ/g)).toHaveLength(3)
    })

    it("leaves test orders out unless asked, like the other bulk actions", async () => {
      const orders = await createOrders(2)
      await container.resolve<TestOrderModuleService>(TEST_ORDER_MODULE).createTestOrders({ order_id: orders[1].id, payment_state: "paid" })
      await listed(orders.map((o) => o.id))
      const created = await api.post(
        "/admin/order-ops/label-batches",
        { order_ids: orders.map((o) => o.id), parcel_template_id: templateId, rule: { type: "fastest" }, location_id: warehouse.locationId },
        admin
      )
      await runDocumentJobs(container)
      const done = await batchOf(created.data.label_batch.id)
      expect(done.progress_total).toBe(1)
      expect(done.result!.orders.map((o) => o.order_id)).toEqual([orders[0].id])
      expect(await service().listShippingLabels({ order_id: orders[1].id })).toHaveLength(0)
    })

    it("voids the label at the carrier when one order's shipment cannot be recorded (the purchase's compensation), and the batch goes on", async () => {
      const orders = await createOrders(3)
      const ids = orders.map((o) => o.id)
      await listed(ids)
      const created = await api.post(
        "/admin/order-ops/label-batches",
        {
          order_ids: ids,
          parcel_template_id: templateId,
          rule: { type: "cheapest" },
          carriers: ["shippo"],
          location_id: warehouse.locationId,
        },
        admin
      )
      const shipments = service()
      const spy = jest.spyOn(shipments, "createShipments").mockRejectedValueOnce(new Error("database went away"))
      await runDocumentJobs(container, { concurrency: 1 })
      spy.mockRestore()

      const done = await batchOf(created.data.label_batch.id)
      expect(done.result).toMatchObject({ done: 2, failed: 1, labels: 2 })
      const [failed] = done.result!.orders.filter((o) => o.status === "failed")
      expect(failed.message).toContain("database went away")
      expect(failed.message).toContain(`#${failed.display_id}`)
      // Bought three times at Shippo; the failed order's label was voided there (a refund asked for).
      expect(shippo.state.label_purchases).toBe(3)
      expect(shippo.requests.filter((r) => r.method === "POST" && r.path.endsWith("/refunds"))).toHaveLength(1)
      const [label] = await service().listShippingLabels({ idempotency_key: labelBatchKey(done.id, failed.order_id) })
      expect(label).toMatchObject({ status: "voided", shipment_id: null })
      expect(await openFulfillments(failed.order_id)).toHaveLength(0)
      expect(await service().listShipments({ order_id: failed.order_id })).toHaveLength(0)
      const pdf = await PDFDocument.load(Buffer.from((await download(done.file_url!, "arraybuffer")).data))
      expect(pdf.getPageCount()).toBe(2)
    })

    it("deletes the merged file when the batch was taken over before it could complete (the finishing workflow's compensation); the labels stay bought", async () => {
      const orders = await createOrders(2)
      const ids = orders.map((o) => o.id)
      await listed(ids)
      const created = await api.post(
        "/admin/order-ops/label-batches",
        { order_ids: ids, parcel_template_id: templateId, rule: { type: "cheapest" }, carriers: ["sandbox"], location_id: warehouse.locationId },
        admin
      )
      const files = container.resolve(Modules.FILE)
      const jobs = container.resolve<OrderDocumentModuleService>(ORDER_DOCUMENT_MODULE)
      const stored = jest.spyOn(files, "createFiles")
      const deleted = jest.spyOn(files, "deleteFiles")
      // Another worker reclaimed the batch between the merge and the completion.
      const complete = jest.spyOn(jobs, "completeDocumentJob").mockResolvedValueOnce(false)
      await runDocumentJobs(container, { max_jobs: 1 })
      const mergedCall = stored.mock.calls.findIndex(([input]) => String((input as { filename: string }).filename).startsWith("labels-"))
      const merged = (await stored.mock.results[mergedCall].value) as { id: string }
      const deletedKeys = deleted.mock.calls.flatMap(([keys]) => [keys].flat())
      stored.mockRestore()
      deleted.mockRestore()
      complete.mockRestore()

      expect(mergedCall).toBeGreaterThanOrEqual(0)
      expect(deletedKeys).toEqual([merged.id])
      const batch = await batchOf(created.data.label_batch.id)
      expect(batch).toMatchObject({ status: "running", file_url: null, result: null })
      const labels = await service().listShippingLabels({ order_id: ids })
      expect(labels.map((l) => l.status)).toEqual(["purchased", "purchased"])
    })

    it("refuses bad batches with a 400 naming the field and queues nothing", async () => {
      const [order] = await createOrders(1)
      await listed([order.id])
      const good = { order_ids: [order.id], parcel_template_id: templateId, rule: { type: "cheapest" } }
      const cases: [Record<string, unknown>, string][] = [
        [{ ...good, parcel_template_id: undefined }, "parcel_template_id"],
        [{ ...good, parcel_template_id: "ptpl_nope" }, "parcel_template_id"],
        [{ ...good, rule: undefined }, "rule"],
        [{ ...good, rule: { type: "priciest" } }, "rule.type"],
        [{ ...good, rule: { type: "service", services: {} } }, "rule.services"],
        [{ ...good, rule: { type: "service", services: { dhl: "express" } } }, "rule.services"],
        [{ ...good, label_format: "PNG" }, "label_format"],
        [{ ...good, carriers: ["dhl"] }, "carrier"],
        [{ ...good, carriers: ["easypost"] }, "carriers"],
        [{ ...good, order_ids: [] }, "order_ids"],
        [{ ...good, filters: { fulfillment_status: "teleported" } }, "filters.fulfillment_status"],
        [{ ...good, location_id: "sloc_nope" }, "location_id"],
        [{ ...good, surprise: true }, "surprise"],
      ]
      for (const [body, field] of cases) {
        const res = await settle(api.post("/admin/order-ops/label-batches", body, admin))
        expect([res.status, field]).toEqual([400, field])
        expect(res.data.message).toContain(field)
      }
      expect((await runDocumentJobs(container)).ran).toEqual([])
    })

    it("needs an admin, and answers 404 for an unknown batch", async () => {
      expect((await settle(api.post("/admin/order-ops/label-batches", {}))).status).toBe(401)
      expect((await settle(api.get("/admin/order-ops/label-batches/odjob_nope"))).status).toBe(401)
      expect((await settle(api.get("/admin/order-ops/label-batches/odjob_nope", admin))).status).toBe(404)
      expect((await settle(api.get("/admin/order-ops/label-batches/odjob_nope/file", admin))).status).toBe(404)
    })

    it("cancels a waiting batch: the worker buys nothing", async () => {
      const [order] = await createOrders(1)
      await listed([order.id])
      const created = await api.post(
        "/admin/order-ops/label-batches",
        { order_ids: [order.id], parcel_template_id: templateId, rule: { type: "cheapest" }, location_id: warehouse.locationId },
        admin
      )
      const canceled = await api.post(`/admin/order-ops/label-batches/${created.data.label_batch.id}/cancel`, {}, admin)
      expect(canceled.data.label_batch.status).toBe("canceled")
      expect((await runDocumentJobs(container)).ran).toEqual([])
      expect(await service().listShippingLabels({ order_id: order.id })).toHaveLength(0)
    })
  },
})
