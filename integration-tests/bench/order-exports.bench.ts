import { spawn } from "node:child_process"
import fs from "node:fs"
import os from "node:os"
import path from "node:path"
import readline from "node:readline"
import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { ORDER_DOCUMENT_MODULE } from "../../src/modules/order-document"
import type OrderDocumentModuleService from "../../src/modules/order-document/service"
import type { DocumentJobDTO } from "../../src/types"
import { EXPORT_PAGE_SIZE } from "../../src/workflows/order-documents/steps/write-order-export"
import { type Api, createAdmin, type Headers } from "../helpers/fixtures"
import { benchOrderId, type Knex, seedBenchOrders, vacuumSeededTables } from "./seed-orders"
import { machineDescription, writeBenchmark } from "./stats"

/**
 * Issue 12's benchmark: the plugin's order export against Medusa core's
 * `POST /admin/orders/export`, and 500 packing slips as one PDF.
 *
 * Orders: the list benchmark's seed (seed-orders.ts; one line item and one
 * shipping method each, no customer or address), 100,000 of them; the
 * template order they were copied from is soft-deleted so that both exports
 * see exactly the seeded orders. "10k" is the newest tenth of them, asked for
 * with a placement-date filter on both sides (`created_at_gte` for the
 * plugin, `created_at[$gte]` for core).
 *
 * Every export runs in a fresh worker process (`medusa exec` of
 * export-worker.ts: the same app and container boot as the worker), which
 * measures its own time and peak RSS: after the boot it collects garbage,
 * resets the kernel's high-water mark (`5` into /proc/self/clear_refs), runs
 * the export, then reads VmHWM from /proc/self/status. The plugin's exports
 * are created with `POST /admin/order-ops/exports` in this process and run
 * in the child by one sweep of `runDocumentJobs`, as the scheduled job runs
 * it; core's runs its own route handler behind its own query middleware in
 * the child, and the clock stops at its workflow's feed notification
 * (polled every 100 ms). The in-process test app runs no jobs (server mode).
 *
 * Goals: RSS(100k) − RSS(10k) ≤ 50 MB and time(100k) / time(10k) ≤ 11 for
 * CSV and XLSX; each faster than core's export of the same orders.
 */
process.env.MEDUSA_WORKER_MODE = "server"
const UPLOAD_DIR = fs.mkdtempSync(path.join(os.tmpdir(), "order-ops-bench-exports-"))
process.env.ORDER_OPS_UPLOAD_DIR = UPLOAD_DIR

jest.setTimeout(90 * 60 * 1000)

const ORDERS = Number(process.env.BENCH_EXPORT_ORDERS || 100_000)
const SMALL = Number(process.env.BENCH_EXPORT_SMALL_ORDERS || Math.round(ORDERS / 10))
const SLIPS = Number(process.env.BENCH_PACKING_SLIPS || 500)
const RSS_GOAL_MB = 50
const TIME_RATIO_GOAL = 11

const WORKER = path.resolve(__dirname, "export-worker.ts")
const MEDUSA_BIN = path.resolve(__dirname, "../../node_modules/@medusajs/cli/cli.js")

type Measured = {
  ms: number
  peak_rss_kb: number
  start_rss_kb: number
  boot_peak_rss_kb: number
  heap_used_start_kb: number
  heap_used_peak_kb: number
  heap_used_after_gc_kb: number
  external_peak_kb: number
  ran?: string[]
  file_url?: string
}
type Run = Measured & { label: string; orders: number; rows: number; bytes: number; load: number }

const loadAtStart = os.loadavg().map((n) => n.toFixed(2)).join(" / ")
const mb = (kb: number) => Math.round(kb / 102.4) / 10
const round = (n: number, d = 2) => Math.round(n * 10 ** d) / 10 ** d

medusaIntegrationTestRunner({
  inApp: true,
  env: { LOG_LEVEL: "error" },
  testSuite: ({ api: rawApi, getContainer, dbConfig }) => {
    const api = rawApi as Api
    let container: MedusaContainer
    let admin: Headers

    /** One export in a fresh worker process; its RESULT line. */
    const inWorker = (args: string[]): Promise<Measured> =>
      new Promise((resolve, reject) => {
        const child = spawn(process.execPath, ["--expose-gc", MEDUSA_BIN, "exec", WORKER, ...args], {
          cwd: path.resolve(__dirname, "../.."),
          env: {
            ...process.env,
            DATABASE_URL: dbConfig.clientUrl,
            NODE_ENV: "test",
            LOG_LEVEL: "error",
            MEDUSA_DISABLE_TELEMETRY: "true",
            MEDUSA_ADMIN_DISABLED: "true",
            TS_NODE_TRANSPILE_ONLY: "true",
          },
          stdio: ["ignore", "pipe", "pipe"],
        })
        let result: Measured | null = null
        let output = ""
        readline.createInterface({ input: child.stdout! }).on("line", (line) => {
          if (line.startsWith("RESULT ")) {
            result = JSON.parse(line.slice(7)) as Measured
            console.info(`export worker ${args[0]}: ${line}`)
          } else {
            output = (output + line + "\n").slice(-4000)
          }
        })
        child.stderr!.on("data", (b: Buffer) => (output = (output + b.toString()).slice(-4000)))
        child.on("exit", (code) =>
          result ? resolve(result) : reject(new Error(`export worker ${args.join(" ")} exited ${code} without a result:\n${output}`))
        )
      })

    const documents = () => container.resolve<OrderDocumentModuleService>(ORDER_DOCUMENT_MODULE)
    const jobOf = async (id: string) => ((await documents().listDocumentJobs({ id })) as unknown as DocumentJobDTO[])[0]
    const filePath = (key: string) => path.join(UPLOAD_DIR, key)
    /** Lines after the header of a CSV file (the seeded data has no line breaks inside cells). */
    const csvRows = async (file: string) => {
      let lines = 0
      for await (const _ of readline.createInterface({ input: fs.createReadStream(file) })) {
        lines++
      }
      return lines - 1
    }

    /** The plugin's export: created over HTTP, run by the worker's sweep in a fresh process. */
    const ours = async (format: "csv" | "xlsx", orders: number, filters: Record<string, string>): Promise<Run> => {
      const created = (await api.post("/admin/order-ops/exports", { format, filters }, admin)).data.export
      const load = os.loadavg()[0]
      const measured = await inWorker(["job"])
      expect(measured.ran).toEqual([created.id])
      const job = await jobOf(created.id)
      expect(job).toMatchObject({ status: "completed", progress_done: orders, progress_total: orders })
      const file = filePath(job.file_key!)
      const rows = format === "csv" ? await csvRows(file) : orders
      expect(rows).toBe(orders)
      const bytes = fs.statSync(file).size
      fs.rmSync(file)
      return { ...measured, label: `order-ops ${format.toUpperCase()}`, orders, rows, bytes, load }
    }

    /** Core's export of the same orders, in a fresh process. */
    const core = async (orders: number, query: Record<string, unknown>): Promise<Run> => {
      const load = os.loadavg()[0]
      const measured = await inWorker(["core", JSON.stringify(query)])
      const file = filePath(path.basename(new URL(measured.file_url!, "http://localhost").pathname))
      const rows = await csvRows(file)
      expect(rows).toBe(orders)
      const bytes = fs.statSync(file).size
      fs.rmSync(file)
      return { ...measured, label: "core CSV (POST /admin/orders/export)", orders, rows, bytes, load }
    }

    afterAll(() => {
      fs.rmSync(UPLOAD_DIR, { recursive: true, force: true })
    })

    it("measures order exports against core's and 500 packing slips as one PDF", async () => {
      container = getContainer()
      admin = await createAdmin(api, container)
      const knex = container.resolve<Knex>(ContainerRegistrationKeys.PG_CONNECTION)

      const { template_id, seconds: seededIn } = await seedBenchOrders(container, ORDERS)
      await knex.raw(`update "order" set deleted_at = now() where id = ?`, [template_id])
      await vacuumSeededTables(container)
      // The newest SMALL orders: placed at or after the SMALL-th newest's time (one order per 10 s).
      const { rows: cut } = await knex.raw(
        `select order_created_at as at from order_status order by order_created_at desc, id desc offset ? limit 1`,
        [SMALL - 1]
      )
      const smallFrom = (cut[0].at as Date).toISOString()

      const runs: Run[] = []
      for (const [orders, ourFilters, coreQuery] of [
        [SMALL, { created_at_gte: smallFrom }, { created_at: { $gte: smallFrom } }],
        [ORDERS, {}, {}],
      ] as const) {
        runs.push(await ours("csv", orders, ourFilters))
        runs.push(await ours("xlsx", orders, ourFilters))
        runs.push(await core(orders, coreQuery))
      }

      // --- 500 packing slips as one PDF -----------------------------------
      const slipIds = Array.from({ length: SLIPS }, (_, i) => benchOrderId(ORDERS - i))
      const batch = (await api.post("/admin/order-ops/packing-slips", { order_ids: slipIds }, admin)).data.job
      const slipLoad = os.loadavg()[0]
      const slips = await inWorker(["job"])
      expect(slips.ran).toEqual([batch.id])
      const slipJob = await jobOf(batch.id)
      expect(slipJob).toMatchObject({ status: "completed", progress_done: SLIPS })
      const pdf = fs.readFileSync(filePath(slipJob.file_key!))
      expect(pdf.subarray(0, 5).toString()).toBe("%PDF-")
      runs.push({ ...slips, label: "order-ops packing slips, one PDF", orders: SLIPS, rows: SLIPS, bytes: pdf.length, load: slipLoad })

      // --- goals -----------------------------------------------------------
      const find = (label: string, orders: number) => runs.find((r) => r.label === label && r.orders === orders)!
      const coreLabel = "core CSV (POST /admin/orders/export)"
      const verdicts = (["CSV", "XLSX"] as const).map((format) => {
        const label = `order-ops ${format}`
        const small = find(label, SMALL)
        const large = find(label, ORDERS)
        const rssGrowthMb = mb(large.peak_rss_kb - small.peak_rss_kb)
        const timeRatio = large.ms / small.ms
        const vsCore = [SMALL, ORDERS].map((n) => find(label, n).ms / find(coreLabel, n).ms)
        return { format, rssGrowthMb, timeRatio, vsCore, met: rssGrowthMb <= RSS_GOAL_MB && timeRatio <= TIME_RATIO_GOAL && vsCore.every((r) => r < 1) }
      })
      const coreRatio = find(coreLabel, ORDERS).ms / find(coreLabel, SMALL).ms
      const coreGrowth = mb(find(coreLabel, ORDERS).peak_rss_kb - find(coreLabel, SMALL).peak_rss_kb)

      const rows: (string | number)[][] = runs.map((r) => [
        r.label,
        r.orders.toLocaleString("en"),
        r.rows.toLocaleString("en"),
        round(r.bytes / 2 ** 20, 1),
        round(r.ms / 1000),
        Math.round(r.orders / (r.ms / 1000)).toLocaleString("en"),
        mb(r.peak_rss_kb),
        mb(r.start_rss_kb),
        mb(r.heap_used_peak_kb),
        `${mb(r.heap_used_start_kb)} → ${mb(r.heap_used_after_gc_kb)}`,
        round(r.load),
      ])
      for (const v of verdicts) {
        rows.push([
          `order-ops ${v.format}: ${ORDERS.toLocaleString("en")} vs ${SMALL.toLocaleString("en")}`,
          `time × ${round(v.timeRatio)} (goal ≤ ${TIME_RATIO_GOAL})`,
          `peak RSS +${v.rssGrowthMb} MB (goal ≤ ${RSS_GOAL_MB})`,
          "",
          `vs core: × ${round(v.vsCore[0])} at ${SMALL.toLocaleString("en")}, × ${round(v.vsCore[1])} at ${ORDERS.toLocaleString("en")}`,
          "",
          "",
          "",
          "",
          "",
          v.met ? "met" : "NOT met",
        ])
      }
      rows.push([
        `core CSV: ${ORDERS.toLocaleString("en")} vs ${SMALL.toLocaleString("en")}`,
        `time × ${round(coreRatio)}`,
        `peak RSS +${coreGrowth} MB`,
        "",
        "",
        "",
        "",
        "",
        "",
        "",
        "",
      ])
      const loadAtEnd = os.loadavg().map((n) => n.toFixed(2)).join(" / ")

      writeBenchmark({
        id: "12-order-exports",
        title: `Order exports vs core's order export (${ORDERS.toLocaleString("en")} and ${SMALL.toLocaleString("en")} orders), ${SLIPS} packing slips`,
        method:
          `${ORDERS.toLocaleString("en")} orders seeded as in the list benchmark (one template order copied with INSERT … SELECT … FROM generate_series; ` +
          `one line item and one shipping method each, no customer or address; seeded in ${round(seededIn)} s, then VACUUM ANALYZE); ` +
          `"${SMALL.toLocaleString("en")}" is the newest ${SMALL.toLocaleString("en")} of them, chosen with a placement-date filter on both sides. ` +
          "Every export runs in its own fresh worker process (`medusa exec` of integration-tests/bench/export-worker.ts, the same app and container boot as the worker): " +
          "after the boot it runs a full GC, resets the kernel's peak-RSS mark (writes 5 to /proc/self/clear_refs), runs the export and reads VmHWM from /proc/self/status — " +
          "so 'peak RSS' is the process's highest resident set while exporting, boot included in the baseline ('RSS at start'). " +
          "The worker also samples process.memoryUsage() every 250 ms (peak V8 heap used) and reads the heap used after a final forced GC: " +
          "equal to the start's, the export held nothing once done, and a peak far above it is garbage V8 had not yet collected. " +
          "order-ops: POST /admin/order-ops/exports (default columns, one row per order) over HTTP, then one sweep of runDocumentJobs in the worker process, as the scheduled job runs it " +
          `(keyset pages of ${EXPORT_PAGE_SIZE} orders, csv-stringify / exceljs streaming writer into the file module's upload stream, local file provider). ` +
          "Core: its own POST /admin/orders/export route handler behind its own query middleware (AdminGetOrdersParams, exportTransformQueryConfig) called in the worker process; " +
          "the clock stops at its workflow's feed notification (polled every 100 ms). " +
          "Every file is read back: CSV data lines counted, XLSX and PDF by the job's progress. " +
          `Packing slips: POST /admin/order-ops/packing-slips with ${SLIPS} order ids, then one sweep in a fresh worker process, same measurement. ` +
          `Load average (1/5/15 min) ${loadAtStart} at start, ${loadAtEnd} at the end; the 'load' column is the 1-minute load when each run started (2-core machine shared by other engineers' test runs).`,
        goal:
          `CSV and XLSX: peak RSS(${ORDERS.toLocaleString("en")}) − peak RSS(${SMALL.toLocaleString("en")}) ≤ ${RSS_GOAL_MB} MB; ` +
          `time(${ORDERS.toLocaleString("en")}) / time(${SMALL.toLocaleString("en")}) ≤ ${TIME_RATIO_GOAL}; faster than core's CSV export of the same orders at both sizes ` +
          `(${verdicts.map((v) => `${v.format} ${v.met ? "met" : "NOT met"}`).join(", ")}); ${SLIPS} packing slips as one PDF: recorded`,
        met: verdicts.every((v) => v.met),
        table: {
          headers: [
            "export",
            "orders",
            "rows",
            "file (MiB)",
            "time (s)",
            "orders / s",
            "peak RSS (MB)",
            "RSS at start (MB)",
            "peak V8 heap used (MB)",
            "V8 heap used: start → after final GC (MB)",
            "load (1 min)",
          ],
          rows,
        },
        measured_at: new Date().toISOString(),
        machine: machineDescription(),
      })
      expect(runs).toHaveLength(7)
    })
  },
})
