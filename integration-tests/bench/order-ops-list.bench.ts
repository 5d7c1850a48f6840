import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import type { MedusaContainer } from "@medusajs/framework/types"
import { refreshOrderStatusWorkflow } from "../../src/workflows"
import { type Api, createAdmin } from "../helpers/fixtures"
import { benchOrderId, seedBenchOrders, vacuumSeededTables } from "./seed-orders"
import { machineDescription, percentile, timeIt, watchQueries, writeBenchmark } from "./stats"

jest.setTimeout(45 * 60 * 1000)

const ORDERS = Number(process.env.BENCH_ORDERS || 100_000)
const WARMUP = 30
const SAMPLES = Number(process.env.BENCH_SAMPLES || 300)
/** Orders recomputed through the real workflow (the backfill's batch size). */
const REFRESH_SAMPLE = 500
const QUERY_COUNT_RUNS = 10
const PAGE_SIZES = [20, 100] as const

/**
 * The Order operations list against core's order list, 100,000 orders.
 *
 * How the orders are made (the fastest honest way): one template order is
 * created through Medusa's order module (one line item, one shipping method,
 * its summary), then its rows in `order`, `order_summary`, `order_line_item`,
 * `order_item`, `order_shipping_method` and `order_shipping` are copied
 * 100,000 times with `INSERT … SELECT … FROM generate_series`, with new ids,
 * display ids from the sequence and placement times one per 10 seconds. These
 * are exactly the tables core's `GET /admin/orders` reads to list orders with
 * their totals, so both endpoints list the same orders. Their `order_status`
 * rows are inserted the same way, the statuses spread evenly over the nine
 * fulfillment (and six payment) statuses so that `delivered` matches one
 * order in nine (~11,000); then the first 500 orders are recomputed through
 * `refreshOrderStatusWorkflow` (timed: the backfill's pace) to check the
 * copies are real orders. `VACUUM ANALYZE` closes the seed, as autovacuum
 * would in a live store.
 *
 * Then `GET /admin/order-ops/orders?fulfillment_status=delivered&limit=N`
 * and core's `GET /admin/orders?limit=N` alternate, N = 20 and 100, and the
 * SQL queries each request sends are counted by wrapping `pg`'s
 * `Client.prototype.query` in this process.
 *
 * Goal: p95 ≤ 1.15 × core's at both page sizes, and the same number of
 * queries per request at both page sizes.
 */
medusaIntegrationTestRunner({
  inApp: true,
  env: { LOG_LEVEL: "error" },
  testSuite: ({ api: rawApi, getContainer }) => {
    const api = rawApi as Api

    it("measures the Order operations list against core's order list", async () => {
      const container: MedusaContainer = getContainer()
      const admin = await createAdmin(api, container)

      // --- seed (see seed-orders.ts) ---------------------------------------
      const { seconds: seededIn } = await seedBenchOrders(container, ORDERS)

      const sampleIds = Array.from({ length: REFRESH_SAMPLE }, (_, i) => benchOrderId(i + 1))
      const refreshStarted = Date.now()
      const { result: refreshed } = await refreshOrderStatusWorkflow(container).run({
        input: { order_ids: sampleIds },
      })
      const refreshMs = Date.now() - refreshStarted
      expect(refreshed.order_statuses).toHaveLength(REFRESH_SAMPLE)
      expect(refreshed.order_statuses[0]).toMatchObject({ total: 35, item_count: 2, fulfillment_status: "unfulfilled" })

      await vacuumSeededTables(container)

      const ours = (limit: number) => `/admin/order-ops/orders?fulfillment_status=delivered&limit=${limit}`
      const core = (limit: number) => `/admin/orders?limit=${limit}`
      const firstOurs = await api.get(ours(20), admin)
      const delivered = firstOurs.data.count
      expect(delivered).toBeGreaterThan((ORDERS - REFRESH_SAMPLE) / 10)
      expect(firstOurs.data.orders).toHaveLength(20)
      expect(firstOurs.data.orders.every((o: { fulfillment_status: string }) => o.fulfillment_status === "delivered")).toBe(true)
      const firstCore = await api.get(core(20), admin)
      expect(firstCore.data.count).toBeGreaterThanOrEqual(ORDERS)
      expect(firstCore.data.orders).toHaveLength(20)

      // --- SQL queries per request -----------------------------------------
      const queries = watchQueries()
      const countQueries = async (url: string) => {
        const counts: number[] = []
        for (let i = 0; i < QUERY_COUNT_RUNS; i++) {
          counts.push(await queries.count(() => api.get(url, admin)))
        }
        // Anything else the app does meanwhile only ever adds: the minimum is the request's own.
        return Math.min(...counts)
      }
      const queryCounts: Record<string, number> = {}
      try {
        for (const limit of PAGE_SIZES) {
          queryCounts[ours(limit)] = await countQueries(ours(limit))
          queryCounts[core(limit)] = await countQueries(core(limit))
        }
      } finally {
        queries.restore()
      }
      expect(queryCounts[ours(20)]).toBeGreaterThan(0)
      expect(queryCounts[ours(20)]).toBe(queryCounts[ours(100)])

      // --- latency ---------------------------------------------------------
      const samples: Record<string, number[]> = {}
      for (const limit of PAGE_SIZES) {
        for (let i = 0; i < WARMUP; i++) {
          await api.get(ours(limit), admin)
          await api.get(core(limit), admin)
        }
        samples[ours(limit)] = []
        samples[core(limit)] = []
        for (let i = 0; i < SAMPLES; i++) {
          // Alternate which goes first so neither always follows the other.
          const pair = i % 2 ? [ours(limit), core(limit)] : [core(limit), ours(limit)]
          for (const url of pair) {
            samples[url].push(await timeIt(() => api.get(url, admin)))
          }
        }
      }

      const round = (n: number) => Math.round(n * 100) / 100
      const rows: (string | number)[][] = []
      const ratios: number[] = []
      for (const limit of PAGE_SIZES) {
        const o50 = percentile(samples[ours(limit)], 50)
        const o95 = percentile(samples[ours(limit)], 95)
        const c50 = percentile(samples[core(limit)], 50)
        const c95 = percentile(samples[core(limit)], 95)
        ratios.push(o95 / c95)
        rows.push([`GET /admin/order-ops/orders?fulfillment_status=delivered&limit=${limit}`, round(o50), round(o95), queryCounts[ours(limit)]])
        rows.push([`GET /admin/orders?limit=${limit} (core)`, round(c50), round(c95), queryCounts[core(limit)]])
        rows.push([`ratio order-ops / core, limit=${limit}`, round(o50 / c50), round(o95 / c95), ""])
      }
      const sameQueries = queryCounts[ours(20)] === queryCounts[ours(100)]
      writeBenchmark({
        id: "02-order-ops-list",
        title: `Order operations list vs core order list (${ORDERS.toLocaleString("en")} orders)`,
        method:
          `${ORDERS.toLocaleString("en")} orders: one template order made by Medusa's order module, its rows copied with ` +
          "INSERT … SELECT … FROM generate_series into order, order_summary, order_line_item, order_item, order_shipping_method " +
          "and order_shipping (what core's list reads), and order_status rows with the statuses spread evenly " +
          `(delivered: ${delivered.toLocaleString("en")} orders), seeded in ${round(seededIn)} s; ` +
          `${REFRESH_SAMPLE} of them recomputed through refreshOrderStatusWorkflow in ${round(refreshMs / 1000)} s (one backfill batch); ` +
          "then VACUUM ANALYZE. " +
          `${SAMPLES} alternating requests per endpoint and page size after ${WARMUP} warm-up pairs, full HTTP stack, admin bearer auth. ` +
          "SQL queries per request: pg Client.prototype.query calls during one request, the minimum over " +
          `${QUERY_COUNT_RUNS} requests.`,
        goal: "order-ops p95 ≤ 1.15 × core p95 at page size 20 and 100; the same number of SQL queries per request at both page sizes",
        met: ratios.every((r) => r <= 1.15) && sameQueries,
        table: { headers: ["endpoint", "p50 (ms)", "p95 (ms)", "SQL queries / request"], rows },
        measured_at: new Date().toISOString(),
        machine: machineDescription(),
      })
      for (const limit of PAGE_SIZES) {
        expect(samples[ours(limit)]).toHaveLength(SAMPLES)
      }
    })
  },
})
