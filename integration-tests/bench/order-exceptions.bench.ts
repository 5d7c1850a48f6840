import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { loadavg } from "node:os"
import { type Api, createAdmin } from "../helpers/fixtures"
import { machineDescription, percentile, timeIt, watchQueries, writeBenchmark } from "./stats"

jest.setTimeout(45 * 60 * 1000)

const ORDERS = Number(process.env.BENCH_ORDERS || 100_000)
const WARMUP = 20
const SAMPLES = Number(process.env.BENCH_SAMPLES || 300)
const QUERY_COUNT_RUNS = 10

type Knex = { raw: (sql: string, bindings?: unknown[]) => Promise<{ rows: Record<string, unknown>[] }> }

const pad = (prefix: string) => `'${prefix}' || lpad(g::text, 7, '0')`
const orderId = pad("order_x")

/**
 * The exceptions inbox against the Order operations list, ORDERS orders
 * (100,000 by default), 1 % of them matching some rule.
 *
 * Seed (SQL, `generate_series`): one `order_status` row per order (9 in 10
 * fulfilled and paid, placed one per 10 s up to 2001-01-01: far in the past, so every
 * threshold has passed whatever today is); every order has a shipment (delivered) and a bought, scanned
 * label; every third a digital delivery (delivered, with an attempt). Then
 * 1 % get a cause, spread over the rules: paid and unfulfilled, a failed
 * shipment, a failed delivery, an unscanned label, a rejected label refund,
 * a dispute needing a response, a long hold. `VACUUM ANALYZE` closes it.
 *
 * Then `GET /admin/order-ops/exceptions?limit=50` and
 * `GET /admin/order-ops/orders?fulfillment_status=delivered&limit=20`
 * alternate; SQL queries per request counted by wrapping `pg`'s client.
 * Goal: inbox p95 ≤ list p95, and the same queries per request at any page.
 */
medusaIntegrationTestRunner({
  inApp: true,
  env: { LOG_LEVEL: "error" },
  testSuite: ({ api: rawApi, getContainer }) => {
    const api = rawApi as Api

    it("measures the exceptions inbox against the Order operations list", async () => {
      const container: MedusaContainer = getContainer()
      const admin = await createAdmin(api, container)
      const knex = container.resolve<Knex>(ContainerRegistrationKeys.PG_CONNECTION)
      const loadAtStart = loadavg()[0]
      const started = Date.now()
      const placed = `timestamptz '2001-01-01' - (${ORDERS} - g) * interval '10 seconds'`
      await knex.raw(`
        insert into order_status (id, order_id, display_id, email, currency_code, total, raw_total, fulfillment_status,
          payment_status, is_test, item_count, shipment_count, shipment_statuses, order_created_at, computed_at)
        select ${pad("ostat_x")}, ${orderId}, g, 'c' || (g % 5000) || '@bench.test', 'eur', 35, '{"value":"35","precision":20}'::jsonb,
          case when g % 10 = 0 then 'delivered' else 'fulfilled' end,
          'paid', false, 1, 1, '{delivered}', ${placed}, now()
        from generate_series(1, ${ORDERS}) g`)
      await knex.raw(`
        insert into shipment (id, order_id, shipping_point, source, status, notify_customer, last_event_at)
        select ${pad("shp_x")}, ${orderId}, 'local', 'carrier', case when g % 700 = 1 then 'delivery_failed' when g % 700 = 2 then 'awaiting_shipment' else 'delivered' end, true, ${placed}
        from generate_series(1, ${ORDERS}) g`)
      await knex.raw(`
        insert into shipping_label (id, order_id, shipment_id, carrier, rate_id, label_format, status, refund_status, idempotency_key, is_test, attempts, purchased_at, voided_at)
        select ${pad("lbl_x")}, ${orderId}, ${pad("shp_x")}, 'sandbox', 'rate', 'PDF', case when g % 700 = 3 then 'voided' else 'purchased' end,
          case when g % 700 = 3 then 'rejected' else 'none' end, ${pad("key_x")}, false, 1, ${placed}, case when g % 700 = 3 then ${placed} end
        from generate_series(1, ${ORDERS}) g`)
      await knex.raw(`
        insert into delivery (id, order_id, line_item_id, method, title, quantity, status, attempts, outcome_unknown, is_dry_run, idempotency_key)
        select ${pad("dlv_x")}, ${orderId}, ${pad("item_x")}, 'rcon', 'VIP', 1, case when g % 700 = 4 then 'failed' else 'delivered' end, 1, false, false, ${pad("dk_x")}
        from generate_series(1, ${ORDERS}) g where g % 3 = 1 or g % 700 = 4`)
      await knex.raw(`
        insert into delivery_attempt (id, delivery_id, kind, attempt, outcome, message, created_at)
        select ${pad("dlat_x")}, ${pad("dlv_x")}, 'deliver', 1, case when g % 700 = 4 then 'failed' else 'delivered' end, 'ok', ${placed}
        from generate_series(1, ${ORDERS}) g where g % 3 = 1 or g % 700 = 4`)
      await knex.raw(`
        update order_status set fulfillment_status = 'unfulfilled' where display_id % 700 = 5`)
      await knex.raw(`
        insert into order_dispute (id, order_id, amount, raw_amount, currency_code, reason, status, opened_at, evidence_due_by)
        select ${pad("odisp_x")}, ${orderId}, 35, '{"value":"35","precision":20}'::jsonb, 'eur', 'fraudulent', 'needs_response', ${placed}, ${placed} + interval '14 days'
        from generate_series(1, ${ORDERS}) g where g % 700 = 6`)
      await knex.raw(`
        insert into order_hold (id, order_id, reason, placed_at)
        select ${pad("ohold_x")}, ${orderId}, 'high_risk', ${placed}
        from generate_series(1, ${ORDERS}) g where g % 700 = 7`)
      for (const table of ["order_status", "shipment", "shipping_label", "delivery", "delivery_attempt", "order_dispute", "order_hold"]) {
        await knex.raw(`vacuum analyze "${table}"`)
      }
      const seededIn = (Date.now() - started) / 1000

      const inbox = (limit: number) => `/admin/order-ops/exceptions?limit=${limit}`
      const list = `/admin/order-ops/orders?fulfillment_status=delivered&limit=20`
      const first = await api.get(inbox(50), admin)
      const matching = first.data.count as number
      // 7 causes in every 700 orders: 1 %.
      expect(matching).toBeGreaterThanOrEqual(Math.floor(ORDERS / 100) - 7)
      expect(matching).toBeLessThanOrEqual(Math.ceil(ORDERS / 100) + 7)
      expect(first.data.exceptions).toHaveLength(50)

      const queries = watchQueries()
      const countQueries = async (url: string) => {
        const counts: number[] = []
        for (let i = 0; i < QUERY_COUNT_RUNS; i++) {
          counts.push(await queries.count(() => api.get(url, admin)))
        }
        return Math.min(...counts)
      }
      const queryCounts: Record<string, number> = {}
      try {
        for (const url of [inbox(10), inbox(50), inbox(200), list]) queryCounts[url] = await countQueries(url)
      } finally {
        queries.restore()
      }
      expect(queryCounts[inbox(10)]).toBe(queryCounts[inbox(200)])

      for (let i = 0; i < WARMUP; i++) {
        await api.get(inbox(50), admin)
        await api.get(list, admin)
      }
      const samples: Record<string, number[]> = { [inbox(50)]: [], [list]: [] }
      for (let i = 0; i < SAMPLES; i++) {
        const pair = i % 2 ? [inbox(50), list] : [list, inbox(50)]
        for (const url of pair) samples[url].push(await timeIt(() => api.get(url, admin)))
      }
      const round = (n: number) => Math.round(n * 100) / 100
      const i95 = percentile(samples[inbox(50)], 95)
      const l95 = percentile(samples[list], 95)
      writeBenchmark({
        id: "07-order-exceptions",
        title: `Exceptions inbox vs Order operations list (${ORDERS.toLocaleString("en")} orders, 1 % matching)`,
        method:
          (ORDERS < 100_000 ? `Reduced scale (BENCH_ORDERS=${ORDERS}, BENCH_SAMPLES=${SAMPLES}), not the 100,000 orders the goal names. ` : "") +
          `${ORDERS.toLocaleString("en")} orders seeded with SQL (order_status, a shipment and a label each, a delivery with one attempt every third), ` +
          `${matching.toLocaleString("en")} exception rows spread over the rules, seeded in ${round(seededIn)} s, then VACUUM ANALYZE. ` +
          `${SAMPLES} alternating requests after ${WARMUP} warm-up pairs, full HTTP stack, admin bearer auth; ` +
          `SQL queries per request: pg Client.prototype.query calls, minimum over ${QUERY_COUNT_RUNS} requests. ` +
          `Machine load (1-min load average, 2 cores shared): ${loadAtStart.toFixed(2)} at the start, ${loadavg()[0].toFixed(2)} at the end.`,
        goal: "inbox p95 ≤ the Order operations list's p95 in the same run; the same number of SQL queries per request at any page size",
        met: i95 <= l95 && queryCounts[inbox(10)] === queryCounts[inbox(200)],
        table: {
          headers: ["endpoint", "p50 (ms)", "p95 (ms)", "SQL queries / request"],
          rows: [
            [`GET ${inbox(50)}`, round(percentile(samples[inbox(50)], 50)), round(i95), queryCounts[inbox(50)]],
            [`GET ${list}`, round(percentile(samples[list], 50)), round(l95), queryCounts[list]],
            ["ratio inbox / list", "", round(i95 / l95), ""],
            [`queries at limit 10 / 200`, "", "", `${queryCounts[inbox(10)]} / ${queryCounts[inbox(200)]}`],
          ],
        },
        measured_at: new Date().toISOString(),
        machine: machineDescription(),
      })
      expect(samples[list]).toHaveLength(SAMPLES)
    })
  },
})
