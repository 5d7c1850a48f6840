import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import type { ExecArgs, MedusaContainer } from "@medusajs/framework/types"
import { Modules } from "@medusajs/framework/utils"
import {
  createStep,
  createWorkflow,
  WorkflowResponse,
} from "@medusajs/framework/workflows-sdk"
import { parse } from "csv-parse/sync"
import ExcelJS from "exceljs"
import documentRetentionJob, { DOCUMENT_RETENTION_DAYS } from "../../src/jobs/document-retention"
import { runDocumentJobs } from "../../src/jobs/document-job-sweep"
import { ORDER_DOCUMENT_MODULE } from "../../src/modules/order-document"
import type OrderDocumentModuleService from "../../src/modules/order-document/service"
import { ORDER_STATUS_MODULE } from "../../src/modules/order-status"
import type OrderStatusModuleService from "../../src/modules/order-status/service"
import seedDemo from "../../src/scripts/seed-demo"
import type { AdminOrderExport, DocumentJobDTO, OrderStatusDTO } from "../../src/types"
import { cancelDocumentJobStep } from "../../src/workflows/order-documents/steps/cancel-document-job"
import { createDocumentJobStep } from "../../src/workflows/order-documents/steps/create-document-job"
import { exportPages } from "../../src/workflows/order-documents/utils/export-pages"
import { exportQuery, ExportParamsSchema } from "../../src/workflows/order-documents/utils/export-params"
import { runOrderExportWorkflow } from "../../src/workflows/order-documents/workflows/run-order-export"
import { type Api, createAdmin, type Headers, settle } from "../helpers/fixtures"

// The scheduled sweep must not run exports inside the test app behind the
// tests' backs: `server` mode registers no jobs. Jest gives each file its own env.
process.env.MEDUSA_WORKER_MODE = "server"

jest.setTimeout(900 * 1000)

/** Fixed placement dates far from now, one day apart, by display id. */
const placedAt = (displayId: number) => new Date(Date.UTC(2041, 0, displayId, 10, 30, 15, 123))

/** Values a spreadsheet would run as formulas (OWASP): every trigger character. */
const FORMULAS = ["=HYPERLINK(\"http://evil\")", "+1+2", "-3+4", "@SUM(A1)", "\t=1", "\r=1"]

medusaIntegrationTestRunner({
  inApp: true,
  env: { LOG_LEVEL: "error" },
  testSuite: ({ api: rawApi, getContainer }) => {
    const api = rawApi as Api
    let container: MedusaContainer
    let admin: Headers & { userId: string }
    /** Display ids of the orders flagged as test orders. */
    const TEST_ORDERS = [2, 9]
    /** Display id → the formula-leading customer name it gets. */
    const FORMULA_ORDERS: Record<number, string> = { 3: FORMULAS[0], 4: FORMULAS[1], 5: FORMULAS[2], 6: FORMULAS[3], 7: FORMULAS[4], 8: FORMULAS[5] }

    const statuses = () => container.resolve<OrderStatusModuleService>(ORDER_STATUS_MODULE)
    const documents = () => container.resolve<OrderDocumentModuleService>(ORDER_DOCUMENT_MODULE)
    const allRows = async () => (await statuses().listOrderStatusRows({})) as unknown as OrderStatusDTO[]

    const list = async (query: string) => {
      const res = await api.get(`/admin/order-ops/orders?limit=200&${query}`, admin)
      return res.data.orders as { id: string; display_id: number }[]
    }
    const createExport = async (body: Record<string, unknown>) => {
      const res = await settle(api.post("/admin/order-ops/exports", body, admin))
      if (res.status !== 202) {
        throw new Error(`POST exports: ${res.status} ${JSON.stringify(res.data)}`)
      }
      return res.data.export as AdminOrderExport
    }
    const getExport = async (id: string) => (await api.get(`/admin/order-ops/exports/${id}`, admin)).data.export as AdminOrderExport
    const download = async (id: string) => {
      const res = await api.get(`/admin/order-ops/exports/${id}/file`, { ...admin, responseType: "arraybuffer" })
      return { buffer: Buffer.from(res.data), headers: (res as unknown as { headers: Record<string, string> }).headers }
    }
    /** Runs the worker's sweep here, now, with small keyset pages so paging is exercised. */
    const sweep = async () => await runDocumentJobs(container, { page_size: 3 })
    const readCsv = (buffer: Buffer) => parse(buffer, { columns: true, bom: true, skip_empty_lines: true }) as Record<string, string>[]

    beforeAll(async () => {
      container = getContainer()
      await seedDemo({ container, args: [] } as unknown as ExecArgs)
      admin = await createAdmin(api, container, "export-admin@order-ops.test")
      // Wait for the subscribers to write every seeded order's statuses.
      for (let i = 0; i < 450 && (await allRows()).length < 16; i++) {
        await new Promise((r) => setTimeout(r, 200))
      }
      const rows = await allRows()
      expect(rows.length).toBe(16)
      await statuses().updateOrderStatusRows(
        rows.map((r) => ({
          id: r.id,
          order_created_at: placedAt(r.display_id),
          is_test: TEST_ORDERS.includes(r.display_id),
          ...(FORMULA_ORDERS[r.display_id] ? { customer_name: FORMULA_ORDERS[r.display_id] } : {}),
        }))
      )
    })

    describe("asking for an export", () => {
      it("queues it (202, pending, nothing written yet) and lists it", async () => {
        const created = await createExport({ format: "csv", filters: { payment_status: ["paid"] } })
        expect(created).toMatchObject({ status: "pending", format: "csv", shape: "order", progress_done: 0, download_url: null })
        expect(created.params.filters).toEqual({ payment_status: ["paid"] })
        const { data } = await api.get("/admin/order-ops/exports", admin)
        expect(data.count).toBe(1)
        expect(data.exports[0].id).toBe(created.id)
        expect(created.created_by).toBe(admin.userId)
      })

      it("refuses bad input with a 400 naming the field, and writes nothing", async () => {
        const cases: [Record<string, unknown>, string][] = [
          [{ format: "pdf" }, "format"],
          [{ format: "csv", shape: "shipment" }, "shape"],
          [{ format: "csv", columns: ["order_id", "password"] }, "columns"],
          [{ format: "csv", filters: { payment_status: "paid,lost" } }, "filters.payment_status"],
          [{ format: "csv", filters: { created_at_gte: "yesterday" } }, "filters.created_at_gte"],
          [{ format: "csv", filters: { is_test: "maybe" } }, "filters.is_test"],
          [{ format: "csv", filters: { colour: "red" } }, "filters"],
          [{ format: "csv", surprise: 1 }, "surprise"],
        ]
        for (const [body, field] of cases) {
          const res = await settle(api.post("/admin/order-ops/exports", body, admin))
          expect(res.status).toBe(400)
          expect(res.data.message).toContain(field)
        }
        expect(await documents().listDocumentJobs({})).toHaveLength(0)
      })

      it("needs an admin", async () => {
        expect((await settle(api.post("/admin/order-ops/exports", { format: "csv" }))).status).toBe(401)
        expect((await settle(api.get("/admin/order-ops/exports"))).status).toBe(401)
      })

      it("answers 404 for an unknown export and 409 for the file of an unfinished one", async () => {
        expect((await settle(api.get("/admin/order-ops/exports/odjob_nope", admin))).status).toBe(404)
        expect((await settle(api.post("/admin/order-ops/exports/odjob_nope/cancel", {}, admin))).status).toBe(404)
        const created = await createExport({ format: "csv" })
        expect((await settle(api.get(`/admin/order-ops/exports/${created.id}/file`, admin))).status).toBe(409)
      })
    })

    describe("the worker writes it", () => {
      it("CSV, one row per order: the list's orders, numbers as numbers with the currency, ISO dates in UTC, progress, a notification", async () => {
        const created = await createExport({ format: "csv", filters: { fulfillment_status: "fulfilled,delivered,unfulfilled" } })
        const { ran } = await sweep()
        expect(ran).toEqual([created.id])
        const done = await getExport(created.id)
        const expected = await list("fulfillment_status=fulfilled,delivered,unfulfilled&is_test=false")
        expect(expected.length).toBeGreaterThan(3)
        expect(done).toMatchObject({
          status: "completed",
          progress_done: expected.length,
          progress_total: expected.length,
          download_url: `/admin/order-ops/exports/${created.id}/file`,
        })
        const { buffer, headers } = await download(created.id)
        expect(headers["content-type"]).toContain("text/csv")
        expect(headers["content-disposition"]).toContain(`orders-${created.id}.csv`)
        const rows = readCsv(buffer)
        // Newest first, as the list sorts by default.
        expect(rows.map((r) => r["Order ID"])).toEqual(expected.map((o) => o.id))
        for (const row of rows) {
          expect(row["Currency"]).toBe("EUR")
          expect(row["Total"]).toMatch(/^-?\d+(\.\d+)?$/)
          expect(row["Placed at (UTC)"]).toBe(placedAt(Number(row["Order number"])).toISOString())
          expect(row["Test order"]).toBe("false")
        }
        const feed = await container.resolve(Modules.NOTIFICATION).listNotifications({ channel: "feed" })
        expect(feed.map((n) => n.data)).toContainEqual(
          expect.objectContaining({ title: "Order export ready", file: expect.objectContaining({ url: done.download_url }) })
        )
      })

      it("formula-leading values come back inert, in CSV and in XLSX", async () => {
        const csv = await createExport({ format: "csv", columns: ["display_id", "customer_name", "total"] })
        const xlsx = await createExport({ format: "xlsx", columns: ["display_id", "customer_name", "total"] })
        await sweep()
        const rows = readCsv((await download(csv.id)).buffer)
        const byNumber = new Map(rows.map((r) => [Number(r["Order number"]), r["Customer"]]))
        const workbook = new ExcelJS.Workbook()
        await workbook.xlsx.load((await download(xlsx.id)).buffer as unknown as ArrayBuffer)
        const sheet = workbook.getWorksheet("Orders")!
        const xlsxByNumber = new Map<number, ExcelJS.CellValue>()
        sheet.eachRow((row, i) => {
          if (i > 1) xlsxByNumber.set(Number(row.getCell(1).value), row.getCell(2).value)
        })
        for (const [displayId, name] of Object.entries(FORMULA_ORDERS)) {
          expect(byNumber.get(Number(displayId))).toBe(`'${name}`)
          // XML turns a carriage return into a line feed when the sheet is read: still inert, still quoted.
          expect(xlsxByNumber.get(Number(displayId))).toBe(`'${name}`.replace("\r", "\n"))
        }
        // Nothing else changed: an ordinary name is written as it is, and no cell is a formula.
        expect(byNumber.get(1)).not.toMatch(/^'/)
        sheet.eachRow((row) => row.eachCell((cell) => expect(cell.type).not.toBe(ExcelJS.ValueType.Formula)))
      })

      it("XLSX, one row per line item, chosen columns: read back with exceljs, amounts are numbers", async () => {
        const created = await createExport({
          format: "xlsx",
          shape: "line_item",
          columns: ["order_id", "display_id", "currency_code", "item_sku", "item_quantity", "item_unit_price", "total"],
          filters: { payment_status: "paid" },
        })
        await sweep()
        expect((await getExport(created.id)).status).toBe("completed")
        const { buffer, headers } = await download(created.id)
        expect(headers["content-type"]).toContain("spreadsheetml")
        const workbook = new ExcelJS.Workbook()
        await workbook.xlsx.load(buffer as unknown as ArrayBuffer)
        const sheet = workbook.getWorksheet("Orders")!
        const values = (r: number) => (sheet.getRow(r).values as ExcelJS.CellValue[]).slice(1)
        // Catalogue order, whatever order the columns were asked in.
        expect(values(1)).toEqual(["Order ID", "Order number", "Currency", "Total", "SKU", "Quantity", "Unit price"])

        const expected = await list("payment_status=paid&is_test=false")
        const { data } = await container.resolve("query").graph({
          entity: "order",
          fields: ["id", "items.id", "items.quantity", "items.variant_sku"],
          filters: { id: expected.map((o) => o.id) },
        })
        const itemCount = (data as { items: unknown[] }[]).reduce((n, o) => n + Math.max(1, o.items.length), 0)
        expect(sheet.actualRowCount - 1).toBe(itemCount)
        const seen = new Set<string>()
        for (let r = 2; r <= sheet.actualRowCount; r++) {
          const [orderId, , currency, total, , quantity, unitPrice] = values(r)
          seen.add(orderId as string)
          expect(currency).toBe("EUR")
          expect(typeof quantity).toBe("number")
          expect(typeof unitPrice).toBe("number")
          expect(typeof total).toBe("number")
        }
        expect([...seen].sort()).toEqual(expected.map((o) => o.id).sort())
      })

      it("leaves test orders out unless asked for", async () => {
        const byDefault = await createExport({ format: "csv", columns: ["display_id", "is_test"] })
        const included = await createExport({ format: "csv", columns: ["display_id", "is_test"], include_test_orders: true })
        const only = await createExport({ format: "csv", columns: ["display_id", "is_test"], filters: { is_test: true } })
        await sweep()
        const numbers = async (id: string) => readCsv((await download(id)).buffer).map((r) => Number(r["Order number"])).sort((a, b) => a - b)
        const all = Array.from({ length: 16 }, (_, i) => i + 1)
        expect(await numbers(byDefault.id)).toEqual(all.filter((n) => !TEST_ORDERS.includes(n)))
        expect(await numbers(included.id)).toEqual(all)
        expect(await numbers(only.id)).toEqual(TEST_ORDERS)
      })

      it("exports only the selected orders when given order_ids", async () => {
        const rows = await allRows()
        const chosen = rows.filter((r) => [1, 5, 9].includes(r.display_id)).map((r) => r.order_id)
        const created = await createExport({ format: "csv", order_ids: chosen, include_test_orders: true })
        await sweep()
        expect(readCsv((await download(created.id)).buffer).map((r) => r["Order ID"]).sort()).toEqual([...chosen].sort())
      })
    })

    describe("every filter of the list", () => {
      it("gives the export the same set of orders as the list, for every combination", async () => {
        const rows = await allRows()
        const emailOf = (n: number) => rows.find((r) => r.display_id === n)!.email!
        const fulfillment = [null, "fulfilled", "unfulfilled,delivered,returned"]
        const payment = [null, "paid", "partially_refunded,refunded,in_progress"]
        const isTest = [null, "true", "false"]
        const dates: ([string, string] | [string, null] | [null, string] | null)[] = [
          null,
          ["2041-01-04", "2041-01-11"],
          ["2041-01-06T00:00:00Z", null],
          [null, "2041-01-05"],
        ]
        const searches = [null, emailOf(3).split("@")[0], "#7", "example.com"]
        let combinations = 0
        for (const f of fulfillment)
          for (const p of payment)
            for (const t of isTest)
              for (const d of dates)
                for (const q of searches)
                  for (const order of ["-created_at", "created_at"]) {
                    const filters: Record<string, string> = { order }
                    if (f) filters.fulfillment_status = f
                    if (p) filters.payment_status = p
                    if (t) filters.is_test = t
                    if (d?.[0]) filters.created_at_gte = d[0]
                    if (d?.[1]) filters.created_at_lte = d[1]
                    if (q) filters.q = q
                    // The export leaves test orders out unless asked: compare with the list the same way.
                    const params = ExportParamsSchema.parse({ format: "csv", filters, include_test_orders: true })
                    const exported: string[] = []
                    for await (const page of exportPages(statuses(), exportQuery(params), 2)) {
                      exported.push(...page.map((r) => r.order_id))
                    }
                    const listed = (await list(new URLSearchParams(filters).toString())).map((o) => o.id)
                    expect({ filters, ids: exported }).toEqual({ filters, ids: listed })

                    if (!t) {
                      const withoutTest = ExportParamsSchema.parse({ format: "csv", filters })
                      const real: string[] = []
                      for await (const page of exportPages(statuses(), exportQuery(withoutTest), 5)) {
                        real.push(...page.map((r) => r.order_id))
                      }
                      const listedReal = (await list(new URLSearchParams({ ...filters, is_test: "false" }).toString())).map((o) => o.id)
                      expect({ filters, ids: real }).toEqual({ filters, ids: listedReal })
                    }
                    combinations++
                  }
        expect(combinations).toBe(3 * 3 * 3 * 4 * 4 * 2)
      })
    })

    describe("cancel, leases and retention", () => {
      it("cancels a waiting export (the sweep skips it) and refuses to cancel a finished one", async () => {
        const waiting = await createExport({ format: "csv" })
        const canceled = await api.post(`/admin/order-ops/exports/${waiting.id}/cancel`, {}, admin)
        expect(canceled.data.export.status).toBe("canceled")
        expect((await sweep()).ran).toEqual([])
        const again = await settle(api.post(`/admin/order-ops/exports/${waiting.id}/cancel`, {}, admin))
        expect(again.status).toBe(400)
        expect(again.data.message).toContain("canceled")
      })

      it("a running export canceled mid-way stops without a file", async () => {
        await createExport({ format: "csv" })
        const claimed = (await documents().claimNextDocumentJob(["export"]))!
        await api.post(`/admin/order-ops/exports/${claimed.job.id}/cancel`, {}, admin)
        const { result } = await runOrderExportWorkflow(container).run({ input: { ...claimed, page_size: 2 } })
        expect(result).toBe(false)
        const job = ((await documents().listDocumentJobs({ id: claimed.job.id })) as unknown as DocumentJobDTO[])[0]
        expect(job.status).toBe("canceled")
        // The file it started is gone.
        await expect(container.resolve(Modules.FILE).getAsBuffer(job.file_key!)).rejects.toThrow()
      })

      it("a worker whose lease was taken over cannot complete the job (fencing token)", async () => {
        await createExport({ format: "csv" })
        const first = (await documents().claimNextDocumentJob(["export"]))!
        // Its lease runs out (the worker stalled): a second worker claims the job.
        await documents().updateDocumentJobs({ id: first.job.id, locked_until: new Date(Date.UTC(2000, 0, 1)) })
        const second = (await documents().claimNextDocumentJob(["export"]))!
        expect(second.job.id).toBe(first.job.id)
        expect(second.token).toBe(first.token + 1)
        const { result: stale } = await runOrderExportWorkflow(container).run({ input: { ...first, page_size: 4 } })
        expect(stale).toBe(false)
        const { result: fresh } = await runOrderExportWorkflow(container).run({ input: { ...second, page_size: 4 } })
        expect(fresh).toBe(true)
        const done = await getExport(first.job.id)
        expect(done.status).toBe("completed")
        expect(readCsv((await download(first.job.id)).buffer)).toHaveLength(done.progress_total!)
      })

      it("removes exports past the retention period with their files, and keeps newer ones", async () => {
        const created = await createExport({ format: "csv" })
        await sweep()
        const job = ((await documents().listDocumentJobs({ id: created.id })) as unknown as DocumentJobDTO[])[0]
        const finished = new Date(job.finished_at!)
        await documentRetentionJob(container, new Date(finished.getTime() + (DOCUMENT_RETENTION_DAYS - 1) * 86400000))
        expect(await container.resolve(Modules.FILE).getAsBuffer(job.file_key!)).toBeInstanceOf(Buffer)
        expect((await getExport(created.id)).status).toBe("completed")
        await documentRetentionJob(container, new Date(finished.getTime() + (DOCUMENT_RETENTION_DAYS + 1) * 86400000))
        expect((await settle(api.get(`/admin/order-ops/exports/${created.id}`, admin))).status).toBe(404)
        await expect(container.resolve(Modules.FILE).getAsBuffer(job.file_key!)).rejects.toThrow()
      })
    })

    describe("compensation", () => {
      const failing = createStep("order-ops-test-fail-after-document-step", async () => {
        throw new Error("injected failure")
      })

      it("a workflow failing after queuing an export removes the queued job", async () => {
        const wf = createWorkflow("order-ops-test-create-then-fail", function () {
          const job = createDocumentJobStep({ kind: "export", params: { format: "csv", filters: {} } })
          failing()
          return new WorkflowResponse(job)
        })
        const { errors } = await wf(container).run({ throwOnError: false })
        expect(errors[0].error.message).toBe("injected failure")
        expect(await documents().listDocumentJobs({})).toHaveLength(0)
      })

      it("a workflow failing after canceling an export puts it back as it was", async () => {
        const created = await createExport({ format: "csv" })
        const wf = createWorkflow("order-ops-test-cancel-then-fail", function (input: { id: string }) {
          const job = cancelDocumentJobStep(input)
          failing()
          return new WorkflowResponse(job)
        })
        const { errors } = await wf(container).run({ input: { id: created.id }, throwOnError: false })
        expect(errors[0].error.message).toBe("injected failure")
        expect((await getExport(created.id)).status).toBe("pending")
      })
    })
  },
})
