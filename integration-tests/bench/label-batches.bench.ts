import fs from "node:fs"
import os from "node:os"
import path from "node:path"
import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import type { MedusaContainer } from "@medusajs/framework/types"
import { PDFDocument } from "pdf-lib"
import { runDocumentJobs } from "../../src/jobs/document-job-sweep"
import { LABEL_BATCH_CONCURRENCY } from "../../src/workflows/labels/utils/run-label-batch"
import { refreshOrderStatusWorkflow } from "../../src/workflows/order-status/workflows/refresh-order-status"
import { type Api, createAdmin, createShippableOrder, createWarehouse } from "../helpers/fixtures"
import { machineDescription, timeIt, writeBenchmark } from "./stats"

jest.setTimeout(60 * 60 * 1000)

// The sweep runs only when the bench calls it: `server` mode registers no scheduled jobs.
process.env.MEDUSA_WORKER_MODE = "server"
// Label files go through the file module to disk; keep the bench's out of the repo.
const UPLOADS = fs.mkdtempSync(path.join(os.tmpdir(), "order-ops-label-batch-bench-"))
process.env.ORDER_OPS_UPLOAD_DIR = UPLOADS

const ORDERS = Number(process.env.BENCH_LABEL_BATCH || 100)
const WARMUP = 5
const BOX = { length: 20, width: 15, height: 10, distance_unit: "cm", weight: 1.2, mass_unit: "kg" }

/**
 * Bulk labels: ONE label batch for 100 orders (POST /admin/order-ops/label-batches,
 * the worker's document-job sweep, then GET …/:id/file, the merged PDF)
 * against 100 single purchases through the routes a merchant uses one order
 * at a time (POST /admin/orders/:id/rates, then POST /admin/orders/:id/labels
 * with the cheapest rate), one after another, on equivalent fresh orders,
 * from the sandbox carrier (offline, answers at once), in the same run.
 * Goal: the batch's total time ≤ 0.5 × the single purchases'.
 */
medusaIntegrationTestRunner({
  inApp: true,
  env: { LOG_LEVEL: "error" },
  testSuite: ({ api: rawApi, getContainer }) => {
    const api = rawApi as Api

    afterAll(() => {
      fs.rmSync(UPLOADS, { recursive: true, force: true })
    })

    it("measures one label batch against single purchases", async () => {
      const container: MedusaContainer = getContainer()
      const admin = await createAdmin(api, container)
      const warehouse = await createWarehouse(container)
      const template = await api.post("/admin/parcel-templates", { name: "Bench box", ...BOX }, admin)
      const templateId: string = template.data.parcel_template.id

      // Setup, untimed: fresh orders for each side, in the Order operations list.
      const fresh = async (n: number) => {
        const orders: Awaited<ReturnType<typeof createShippableOrder>>[] = []
        for (let i = 0; i < n; i++) {
          orders.push(await createShippableOrder(container, warehouse))
        }
        await refreshOrderStatusWorkflow(container).run({ input: { order_ids: orders.map((o) => o.id) } })
        return orders
      }
      const singleOrders = await fresh(WARMUP + ORDERS)
      const batchOrders = await fresh(WARMUP + ORDERS)

      let n = 0
      const buySingle = async (order: (typeof singleOrders)[number]) => {
        const request = {
          items: order.items.map((i) => ({ line_item_id: i.id, quantity: i.quantity })),
          parcel_template_id: templateId,
          location_id: warehouse.locationId,
        }
        const rates = await api.post(`/admin/orders/${order.id}/rates`, { ...request, carrier: "sandbox" }, admin)
        const res = await api.post(
          `/admin/orders/${order.id}/labels`,
          { ...request, carrier: "sandbox", rate: rates.data.rates[0], idempotency_key: `bench-single-${n++}-${order.id}` },
          admin
        )
        expect(res.status).toBe(201)
      }
      const runBatch = async (orders: typeof batchOrders) => {
        const created = await api.post(
          "/admin/order-ops/label-batches",
          {
            order_ids: orders.map((o) => o.id),
            parcel_template_id: templateId,
            rule: { type: "cheapest" },
            carriers: ["sandbox"],
            label_format: "PDF",
            location_id: warehouse.locationId,
          },
          admin
        )
        const id = created.data.label_batch.id
        await runDocumentJobs(container, { max_jobs: 1 })
        const batch = (await api.get(`/admin/order-ops/label-batches/${id}`, admin)).data.label_batch
        expect(batch.result).toMatchObject({ done: orders.length, failed: 0 })
        const file = await api.get(batch.file_url, { ...admin, responseType: "arraybuffer" })
        return (await PDFDocument.load(Buffer.from(file.data))).getPageCount()
      }

      // Warm-up, untimed: both paths once through.
      for (const order of singleOrders.slice(0, WARMUP)) {
        await buySingle(order)
      }
      await runBatch(batchOrders.slice(0, WARMUP))

      const loadBefore = os.loadavg()[0]
      const singleMs = await timeIt(async () => {
        for (const order of singleOrders.slice(WARMUP)) {
          await buySingle(order)
        }
      })
      let pages = 0
      const batchMs = await timeIt(async () => {
        pages = await runBatch(batchOrders.slice(WARMUP))
      })
      const loadAfter = os.loadavg()[0]
      expect(pages).toBe(ORDERS)

      const round = (v: number) => Math.round(v * 10) / 10
      const ratio = batchMs / singleMs
      writeBenchmark({
        id: "11-label-batches",
        title: "Bulk labels: one batch vs single purchases",
        method:
          `${ORDERS} orders through ONE label batch (POST /admin/order-ops/label-batches, the worker's document-job sweep called in process, ` +
          `${LABEL_BATCH_CONCURRENCY} orders at a time, each its own buy-batch-label workflow: ledger key, rates, rule, the single purchase ` +
          "workflow; then GET …/:id and GET …/:id/file, the merged PDF) against " +
          `${ORDERS} single purchases one after another through POST /admin/orders/:id/rates and POST /admin/orders/:id/labels ` +
          "(cheapest rate), each on a fresh order (all 4 units of 2 items, one parcel template, the warehouse as ship-from), from the sandbox " +
          `carrier (offline, answers at once; it renders a 4×6 PDF label stored through the file module), after ${WARMUP} warm-up orders each, ` +
          `in one run, full HTTP stack with admin bearer auth. Load average ${loadBefore.toFixed(1)} before, ${loadAfter.toFixed(1)} after ` +
          "(2-core machine shared with other runs).",
        goal: "the batch's total time ≤ 0.5 × the single purchases'",
        met: ratio <= 0.5,
        table: {
          headers: ["path", "total (s)", "per order (ms)"],
          rows: [
            [`one label batch (${ORDERS} orders, merged PDF)`, round(batchMs / 1000), round(batchMs / ORDERS)],
            [`${ORDERS} single purchases (rates + label routes, baseline)`, round(singleMs / 1000), round(singleMs / ORDERS)],
            ["batch ÷ single", Math.round(ratio * 100) / 100, ""],
          ],
        },
        measured_at: new Date().toISOString(),
        machine: machineDescription(),
      })
    })
  },
})
