import os from "node:os"
import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import type { ExecArgs, MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import seedDemo from "../../src/scripts/seed-demo"
import { startWebhookReceiver, type WebhookReceiverHandle } from "../fakes/webhook-receiver"
import { type Api, createAdmin } from "../helpers/fixtures"
import {
  buildApp,
  capturePayment,
  digitalShop,
  eventually,
  flushRedis,
  httpClient,
  type Knex,
  pause,
  placeDigitalOrder,
  type Proc,
  redisUrlFor,
  setUpDigitalProducts,
  startMedusa,
  stopAll,
} from "../helpers/production-layout"
import { machineDescription, timeIt, writeBenchmark } from "./stats"

/**
 * The digital delivery workload of issue 15's benchmark, run twice in one
 * run from the same build (`medusa build`, `medusa start` from
 * `.medusa/server`, NODE_ENV=production) against the same database:
 * (a) one shared process (MEDUSA_WORKER_MODE=shared, in-memory event bus,
 * workflow engine, cache and locking: no Redis), and (b) one API server and
 * two workers on the Redis modules (REDIS_URL with its own database number,
 * flushed first). In each layout N orders, each with a webhook ebook and a
 * download ebook, are checked out through the store API (not timed); then
 * the clock runs from the first capture through the admin API until every
 * delivery is delivered, every order completed and every order's
 * instructions email sent. Afterwards: nothing delivered twice (attempts
 * with outcome delivered per delivery, `webhook-id`s per webhook delivery at
 * the receiver, instructions emails per order).
 *
 * The in-process test app only creates and seeds the database (server mode,
 * in-memory modules): it runs no subscribers or jobs.
 */
process.env.MEDUSA_WORKER_MODE = "server"
const REDIS_DB = Number(process.env.BENCH_LAYOUT_REDIS_DB ?? 12)
const redisUrl = redisUrlFor(REDIS_DB)
delete process.env.REDIS_URL

jest.setTimeout(3 * 60 * 60 * 1000)

const ORDERS = Number(process.env.BENCH_ORDERS || 1000)
/** Orders through the whole path before the timed ones, per layout (JIT, caches, connection pools). */
const WARM = 3
/** Checkouts at once (not timed). */
const PLACE_CONCURRENCY = 4
/** Captures at once through the admin API (timed). */
const CAPTURE_CONCURRENCY = 8
/** How often the sweep, follow-up and heal jobs run, in both layouts. */
const JOB_INTERVAL_MS = 3000
/** Longest wait for one layout's orders to be all done. */
const DONE_CAP_MS = 30 * 60_000
const loadAtStart = os.loadavg().map((n) => n.toFixed(1)).join(" / ")

/** Runs `fn` over `items`, `width` at a time. */
async function pool<T>(items: T[], width: number, fn: (item: T, i: number) => Promise<unknown>) {
  let next = 0
  await Promise.all(
    Array.from({ length: Math.min(width, items.length) }, async () => {
      while (next < items.length) {
        const i = next++
        await fn(items[i], i)
      }
    })
  )
}

type LayoutResult = {
  label: string
  orders: number
  /** First capture sent → everything done. */
  totalMs: number
  /** Of which the captures themselves. */
  captureMs: number
  done: boolean
  delivered: number
  deliveries: number
  completed: number
  emailed: number
  /** Deliveries with more than one attempt whose outcome was delivered. */
  twiceDelivered: number
  /** Webhook deliveries the receiver saw under more than one `webhook-id`. */
  manyWebhookIds: number
  /** Webhook deliveries the receiver took (2xx) more than once (same `webhook-id`: the merchant can drop the repeat). */
  takenTwice: number
  /** Orders sent more than one instructions email. */
  emailedTwice: number
  load: string
}

medusaIntegrationTestRunner({
  inApp: true,
  env: { LOG_LEVEL: "error" },
  testSuite: ({ api: rawApi, getContainer, dbConfig }) => {
    const started: Proc[] = []
    let receiver: WebhookReceiverHandle | undefined

    afterAll(async () => {
      await stopAll(started)
      await receiver?.close()
    })

    it("measures digital delivery in one shared process and as a server with two workers on Redis", async () => {
      const api = rawApi as Api
      const container: MedusaContainer = getContainer()
      const db = container.resolve<Knex>(ContainerRegistrationKeys.PG_CONNECTION)
      const sql = async (text: string, bindings: unknown[] = []) => (await db.raw(text, bindings)).rows

      await flushRedis(redisUrl)
      const built = buildApp()
      built.catch(() => undefined)
      await seedDemo({ container, args: [] } as unknown as ExecArgs)
      const admin = await createAdmin(api, container, "bench-layout-admin@order-ops.test")
      const shop = await digitalShop(container)
      receiver = await startWebhookReceiver()
      const hooks = receiver
      await built

      let productsReady = false
      let orderSeq = 0
      const state = async (orderIds: string[]) =>
        (
          await sql(
            `select (select count(*)::int from delivery where order_id = any(?) and deleted_at is null) as deliveries,
                    (select count(*)::int from delivery where order_id = any(?) and status = 'delivered' and deleted_at is null) as delivered,
                    (select count(*)::int from "order" where id = any(?) and status = 'completed') as completed,
                    (select count(distinct resource_id)::int from notification
                      where resource_id = any(?) and trigger_type = 'order_ops.delivery.instructions' and status = 'success') as emailed`,
            [orderIds, orderIds, orderIds, orderIds]
          )
        )[0] as { deliveries: number; delivered: number; completed: number; emailed: number }
      const allDone = (ids: string[]) => (s: Awaited<ReturnType<typeof state>>) =>
        s.deliveries === ids.length * 2 && s.delivered === s.deliveries && s.completed === ids.length && s.emailed === ids.length
      /** Subscribers and jobs gone quiet: the timeline and notifications stop growing, and every order's status row is fresh. */
      const settle = async (orderIds: string[]) => {
        await eventually(
          () =>
            sql(
              `select count(*)::int as n from "order" o join order_status os on os.order_id = o.id and os.deleted_at is null
               where o.id = any(?) and os.computed_at >= o.updated_at`,
              [orderIds]
            ),
          (rows) => rows[0].n === orderIds.length,
          5 * 60_000,
          2000
        )
        let last = -1
        await eventually(
          async () => Number((await sql(`select (select count(*) from notification) + (select count(*) from order_activity) as n`))[0].n),
          (n) => {
            const quiet = n === last
            last = n
            return quiet
          },
          5 * 60_000,
          JOB_INTERVAL_MS
        )
      }

      const runLayout = async (label: string, boot: () => Promise<Proc[]>): Promise<LayoutResult> => {
        const procs = await boot()
        const server = procs[0]
        const request = httpClient(() => server.port)
        if (!productsReady) {
          await setUpDigitalProducts(request, server.port, admin.headers, shop, hooks)
          productsReady = true
        }
        const place = async (count: number) => {
          const placed: { orderId: string; paymentId: string }[] = []
          await pool(Array.from({ length: count }), PLACE_CONCURRENCY, async () => {
            placed.push(await placeDigitalOrder(request, admin.headers, shop, `bench-layout-${orderSeq++}@example.com`))
          })
          return placed
        }

        // Warm-up through the whole path, not timed.
        const warm = await place(WARM)
        await pool(warm, CAPTURE_CONCURRENCY, (o) => capturePayment(request, admin.headers, o.paymentId))
        const warmIds = warm.map((o) => o.orderId)
        await eventually(() => state(warmIds), allDone(warmIds), 5 * 60_000, 1000)

        const orders = await place(ORDERS)
        const ids = orders.map((o) => o.orderId)
        await settle([...warmIds, ...ids])

        const load = os.loadavg().map((n) => n.toFixed(1)).join(" / ")
        let captureMs = 0
        let last = await state(ids)
        const totalMs = await timeIt(async () => {
          captureMs = await timeIt(() => pool(orders, CAPTURE_CONCURRENCY, (o) => capturePayment(request, admin.headers, o.paymentId)))
          last = await eventually(() => state(ids), allDone(ids), DONE_CAP_MS, 500)
        })
        const done = allDone(ids)(last)

        // Anything a late or repeated subscriber or job would still send, before counting repeats.
        await pause(4 * JOB_INTERVAL_MS)
        await stopAll(procs)
        const [{ n: twiceDelivered }] = await sql(
          `select count(*)::int as n from (
             select a.delivery_id from delivery_attempt a join delivery d on d.id = a.delivery_id
             where d.order_id = any(?) and a.kind = 'deliver' and a.outcome = 'delivered' and a.deleted_at is null
             group by a.delivery_id having count(*) > 1) x`,
          [ids]
        )
        const [{ n: emailedTwice }] = await sql(
          `select count(*)::int as n from (
             select resource_id from notification where resource_id = any(?) and trigger_type = 'order_ops.delivery.instructions'
             group by resource_id having count(*) > 1) x`,
          [ids]
        )
        const webhookDeliveries = (
          await sql(`select id from delivery where order_id = any(?) and method = 'webhook' and deleted_at is null`, [ids])
        ).map((r) => r.id as string)
        const seen = new Map<string, { ids: Set<string>; taken: number }>()
        for (const r of hooks.received) {
          const id = r.payload?.data?.delivery_id as string | undefined
          if (!id) {
            continue
          }
          const entry = seen.get(id) ?? { ids: new Set<string>(), taken: 0 }
          entry.ids.add(r.id)
          if (r.answered >= 200 && r.answered < 300) {
            entry.taken++
          }
          seen.set(id, entry)
        }
        const manyWebhookIds = webhookDeliveries.filter((id) => (seen.get(id)?.ids.size ?? 0) > 1).length
        const takenTwice = webhookDeliveries.filter((id) => (seen.get(id)?.taken ?? 0) > 1).length
        const notTaken = webhookDeliveries.filter((id) => (seen.get(id)?.taken ?? 0) === 0).length
        const result: LayoutResult = {
          label,
          orders: ids.length,
          totalMs,
          captureMs,
          done: done && notTaken === 0,
          delivered: last.delivered,
          deliveries: last.deliveries,
          completed: last.completed,
          emailed: last.emailed,
          twiceDelivered,
          manyWebhookIds,
          takenTwice,
          emailedTwice,
          load,
        }
        console.log(JSON.stringify({ ...result, notTaken }))
        return result
      }

      const shared = await runLayout("one shared process (in-memory modules)", async () => [
        await startMedusa({ name: "shared", mode: "shared", databaseUrl: dbConfig.clientUrl, jobIntervalMs: JOB_INTERVAL_MS, started }),
      ])
      const split = await runLayout("server + 2 workers on Redis", () =>
        Promise.all([
          startMedusa({ name: "server", mode: "server", databaseUrl: dbConfig.clientUrl, redisUrl, jobIntervalMs: JOB_INTERVAL_MS, started }),
          startMedusa({ name: "worker-1", mode: "worker", databaseUrl: dbConfig.clientUrl, redisUrl, jobIntervalMs: JOB_INTERVAL_MS, started }),
          startMedusa({ name: "worker-2", mode: "worker", databaseUrl: dbConfig.clientUrl, redisUrl, jobIntervalMs: JOB_INTERVAL_MS, started }),
        ])
      )

      const s = (ms: number) => Math.round(ms / 100) / 10
      const repeats = (r: LayoutResult) => r.twiceDelivered + r.manyWebhookIds + r.takenTwice + r.emailedTwice
      const fasterOrEqual = split.totalMs <= shared.totalMs
      const met = shared.done && split.done && fasterOrEqual && repeats(shared) === 0 && repeats(split) === 0
      const pair = (f: (r: LayoutResult) => string | number) => [f(split), f(shared)]
      writeBenchmark({
        id: "15-production-layout",
        title: `Production layout: digital delivery of ${ORDERS} orders, a server + two workers on Redis against one shared process${
          ORDERS < 1000 ? " (measured on a shared, loaded machine at reduced scale)" : ""
        }`,
        method:
          `One run, one build (medusa build, admin off; medusa start from .medusa/server, NODE_ENV=production), one database. ` +
          `(a) one process with MEDUSA_WORKER_MODE=shared on Medusa's in-memory event bus, workflow engine, cache and locking (no Redis); ` +
          `(b) an API server (MEDUSA_WORKER_MODE=server) and two workers (worker) on the Redis event bus, workflow engine, cache and locking ` +
          `(Redis database ${REDIS_DB}, flushed first). (a) ran first, then (b), each on its own orders. In each: ${WARM} warm-up orders through the ` +
          `whole path, then ${ORDERS} orders checked out through the store API (webhook ebook + download ebook, system payment provider; not timed), ` +
          `the processes left to go quiet, then timed: the ${ORDERS} captures through the admin API (${CAPTURE_CONCURRENCY} at a time) until every ` +
          `delivery is delivered, every order completed and every order's instructions email sent (polled every 0.5 s). Jobs every ` +
          `${JOB_INTERVAL_MS / 1000} s in both (ORDER_OPS_JOB_INTERVAL_MS). Repeats counted afterwards: deliveries with more than one attempt ` +
          `delivered, webhook deliveries seen under more than one webhook-id or taken more than once at the receiver, orders emailed twice. ` +
          `Scale ${ORDERS} orders (BENCH_ORDERS; the goal is stated for 1,000). 2 cores shared with a CI run and other engineers: load average ` +
          `${loadAtStart} at start, ${shared.load} before (a), ${split.load} before (b); absolute times are noisy.`,
        goal: "server + two workers on Redis at least as fast as one shared process, capture to all done, and nothing delivered twice",
        met,
        table: {
          headers: ["measurement", "measured (server + 2 workers)", "baseline (one shared process, same run)", "note"],
          rows: [
            [
              `${ORDERS} orders: captures → every delivery delivered, order completed, instructions emailed (s)`,
              ...pair((r) => s(r.totalMs)),
              `split/shared ${Math.round((split.totalMs / shared.totalMs) * 100) / 100}×: ${fasterOrEqual ? "at least as fast" : "SLOWER"}`,
            ],
            [`of which the ${ORDERS} captures through the admin API (s)`, ...pair((r) => s(r.captureMs)), `${CAPTURE_CONCURRENCY} at a time`],
            ["deliveries delivered", ...pair((r) => `${r.delivered}/${r.deliveries}`), "a webhook and a download per order"],
            ["orders completed", ...pair((r) => `${r.completed}/${r.orders}`), ""],
            ["orders sent their instructions email", ...pair((r) => `${r.emailed}/${r.orders}`), ""],
            ["deliveries with more than one attempt delivered", ...pair((r) => r.twiceDelivered), "goal 0"],
            ["webhook deliveries under more than one webhook-id at the receiver", ...pair((r) => r.manyWebhookIds), "goal 0"],
            ["webhook deliveries taken (2xx) more than once at the receiver", ...pair((r) => r.takenTwice), "goal 0"],
            ["orders sent more than one instructions email", ...pair((r) => r.emailedTwice), "goal 0"],
          ],
        },
        measured_at: new Date().toISOString(),
        machine: machineDescription(),
      })

      expect(shared.done).toBe(true)
      expect(split.done).toBe(true)
      expect(repeats(shared)).toBe(0)
      expect(repeats(split)).toBe(0)
    })
  },
})
