import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import type { ExecArgs, MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import seedDemo from "../../src/scripts/seed-demo"
import { refreshOrderStatusWorkflow } from "../../src/workflows/order-status/workflows/refresh-order-status"
import { startWebhookReceiver, type WebhookReceiverHandle } from "../fakes/webhook-receiver"
import { type Api, createAdmin, type Headers } from "../helpers/fixtures"
import {
  buildApp,
  capturePayment,
  type DigitalShop,
  digitalShop,
  eventually,
  flushRedis,
  httpClient,
  type Knex,
  ok,
  pause,
  placeDigitalOrder as checkOut,
  type Proc,
  redisUrlFor,
  setUpDigitalProducts,
  startMedusa,
  stopAll,
} from "../helpers/production-layout"

/**
 * Medusa's production layout, as a store deploys it: `medusa build` (admin
 * off), then `medusa start` twice from `.medusa/server` — one API server
 * (`MEDUSA_WORKER_MODE=server`) and one worker (`worker`) — on the Redis
 * event bus, workflow engine, cache and locking modules, against this
 * file's PostgreSQL database. Everything is driven through the server's
 * public HTTP API; the worker runs subscribers and jobs.
 *
 * Redis: REDIS_URL (default redis://127.0.0.1:6379) with the database number
 * replaced by LAYOUT_REDIS_DB (default 13), flushed before the test, so it
 * never shares keys with anything else on the same Redis.
 *
 * The in-process test app only creates and seeds the database (server
 * mode: it registers no jobs). The spawned processes run the sweep,
 * follow-up and heal jobs every JOB_INTERVAL_MS instead of every minute
 * (`ORDER_OPS_JOB_INTERVAL_MS`), so the test polls for seconds, not minutes.
 *
 * Digital deliveries go to a webhook receiver fake on loopback (the demo
 * config allows private targets) that records every `webhook-id`.
 */
process.env.MEDUSA_WORKER_MODE = "server"

jest.setTimeout(15 * 60 * 1000)

const REDIS_DB = Number(process.env.LAYOUT_REDIS_DB ?? 13)
const redisUrl = redisUrlFor(REDIS_DB)
// The in-process test app only seeds the database and computes statuses: it
// stays on the in-memory event bus and workflow engine (medusa-config.ts
// turns the Redis modules on when REDIS_URL is set), so nothing it emits
// lands on a Redis database another process reads. Only the spawned
// processes get `redisUrl`.
delete process.env.REDIS_URL
const DEPRECATION = /is deprecated/i
/** How often the spawned processes run the sweep, follow-up and heal jobs. */
const JOB_INTERVAL_MS = 3000
/** Orders placed while the worker is killed mid-sweep. */
const KILL_BATCH = 6
type OrderDeliveries = {
  order_status: string
  deliveries: { id: string; method: string; status: string; attempts_log: { kind: string; outcome: string }[] }[]
}
medusaIntegrationTestRunner({
  inApp: true,
  env: { LOG_LEVEL: "error" },
  testSuite: ({ api: rawApi, getContainer, dbConfig }) => {
    const api = rawApi as Api
    let container: MedusaContainer
    let admin: Headers & { userId: string }
    let server: Proc
    let worker: Proc
    const started: Proc[] = []
    let receiver: WebhookReceiverHandle
    /** What a shopper needs to check out the two digital ebooks (webhook and download). */
    let shop: DigitalShop
    /**
     * The digital orders placed by the running test. The test runner restores
     * the database to its state after beforeAll before each test, so a test
     * only sees its own orders.
     */
    let digitalOrders: string[] = []
    /** Seconds spent per phase, printed at the end so the tier's wall time can be watched. */
    const phases: Record<string, number> = {}
    const timed = async <T>(phase: string, work: () => Promise<T>): Promise<T> => {
      const t0 = Date.now()
      try {
        return await work()
      } finally {
        phases[phase] = (phases[phase] ?? 0) + Math.round((Date.now() - t0) / 100) / 10
      }
    }
    beforeEach(() => {
      digitalOrders = []
    })

    const db = () => container.resolve<Knex>(ContainerRegistrationKeys.PG_CONNECTION)
    const sql = async (text: string, bindings: unknown[] = []) => (await db().raw(text, bindings)).rows

    /** `medusa start` from the build, in the given worker mode, until /health answers. */
    const start = (name: string, mode: "server" | "worker"): Promise<Proc> =>
      startMedusa({ name, mode, databaseUrl: dbConfig.clientUrl, redisUrl, jobIntervalMs: JOB_INTERVAL_MS, started })

    /** A request to the spawned server's public API. */
    const request = httpClient(() => server.port)
    /** As the admin. */
    const call = (method: "GET" | "POST", url: string, body?: unknown) => request(admin.headers, method, url, body)
    /**
     * A shopper checks out both digital ebooks through the store API (guest,
     * system payment provider), then the admin captures the payment: the
     * server emits the capture and the worker's subscriber delivers.
     */
    const placeDigitalOrder = async (n: number): Promise<string> => {
      const { orderId, paymentId } = await checkOut(request, admin.headers, shop, `layout-${n}@example.com`)
      await capturePayment(request, admin.headers, paymentId)
      digitalOrders.push(orderId)
      return orderId
    }
    const deliveriesOf = async (orderId: string) => (await ok("deliveries", call("GET", `/admin/orders/${orderId}/deliveries`))) as OrderDeliveries
    /** Every delivery of every given order delivered, and every order completed. */
    const allDone = (views: OrderDeliveries[]) =>
      views.every((v) => v.order_status === "completed" && v.deliveries.length === 2 && v.deliveries.every((d) => d.status === "delivered"))
    /** Webhook requests the receiver took, per delivery id (the payload names it). */
    const requestsFor = (deliveryId: string) => receiver.received.filter((r) => r.payload?.data?.delivery_id === deliveryId)

    /**
     * Each order's `order_status` row, once it was computed after the order
     * last changed, equals a fresh computation from the database. Read before
     * the computation, which writes the row too.
     */
    const expectStatusesRight = async (orderIds: string[]) => {
      const fields = (r: Record<string, any>) => ({
        order_id: r.order_id,
        fulfillment_status: r.fulfillment_status,
        payment_status: r.payment_status,
        delivery_status: r.delivery_status,
        shipment_statuses: [...(r.shipment_statuses ?? [])].sort(),
        item_count: Number(r.item_count),
      })
      const served = await eventually(
        () =>
          sql(
            `select os.*, (os.computed_at >= o.updated_at) as fresh from "order" o
             left join order_status os on os.order_id = o.id and os.deleted_at is null
             where o.id = any(?) order by o.id`,
            [orderIds]
          ),
        (rows) => rows.length === orderIds.length && rows.every((r) => r.order_id && r.fresh),
        120_000
      )
      served.sort((a, b) => (a.order_id < b.order_id ? -1 : 1))
      expect(served.every((r) => r.order_id && r.fresh)).toBe(true)
      const { result } = await refreshOrderStatusWorkflow(container).run({ input: { order_ids: orderIds } })
      const truth = [...result.order_statuses].sort((a, b) => (a.order_id < b.order_id ? -1 : 1))
      expect(served.map(fields)).toEqual(truth.map((t) => fields(t as unknown as Record<string, any>)))
    }

    const statusRow = async (orderId: string) => (await call("GET", `/admin/orders/${orderId}/status`)).data?.order_status
    const notificationsFor = async (key: string) =>
      (await sql(`select id from notification where idempotency_key = ?`, [key])).length

    /** Seeded shipments that can still be delivered, with their orders. */
    const deliverableShipments = async () =>
      await sql(
        `select s.id, s.order_id, s.status from shipment s
         where s.deleted_at is null and s.status in ('shipped', 'in_transit', 'out_for_delivery') order by s.created_at`
      )

    beforeAll(async () => {
      container = getContainer()
      await flushRedis(redisUrl)
      const built = timed("build", buildApp)
      built.catch(() => undefined)
      await timed("seed", () => seedDemo({ container, args: [] } as unknown as ExecArgs))
      admin = await createAdmin(api, container, "layout-admin@order-ops.test")
      receiver = await startWebhookReceiver()
      shop = await digitalShop(container)
      await built
      ;[server, worker] = await timed("boot server and worker", () => Promise.all([start("server", "server"), start("worker", "worker")]))

      // The ebooks' delivery products, set up through the server's admin API: a
      // webhook to the receiver and a download of a file uploaded there.
      await setUpDigitalProducts(request, server.port, admin.headers, shop, receiver)
    })

    afterAll(async () => {
      await stopAll(started)
      await receiver?.close()
      process.stdout.write(`layout tier phases (s, build alongside seed): ${JSON.stringify(phases)}\n`)
    })

    it("boots a server and a worker on the Redis modules with no deprecation warning; the worker runs the scheduled jobs", async () => {
      expect(server.log()).not.toMatch(DEPRECATION)
      expect(worker.log()).not.toMatch(DEPRECATION)
      for (const proc of [server, worker]) {
        expect(proc.log()).toContain("Connection to Redis in module 'event-bus-redis' established")
        expect(proc.log()).toContain("Connection to Redis in module 'workflow-engine-redis' established")
        expect(proc.log()).toMatch(/Connection to Redis in \\?"locking-redis\\?" provider established/)
      }
      // The heal job runs in the worker only: its cursor row appears.
      const cursor = await eventually(
        () => sql(`select last_run_at from order_status_heal_cursor where id = 'order-status-heal'`),
        (rows) => rows.length === 1 && rows[0].last_run_at !== null,
        120_000
      )
      expect(cursor).toHaveLength(1)
    })

    it("a shipment moved on the server is notified from the worker, and server and worker refreshing its order at once end with the right status", async () => {
      const [shipment] = await deliverableShipments()
      expect(shipment).toBeDefined()
      const res = await call("POST", `/admin/shipments/${shipment.id}/events`, {
        status: "delivered",
        occurred_at: "2041-01-01T10:00:00.000Z",
      })
      expect(res.status).toBe(201)
      expect(res.data.applied).toBe(true)
      // The route refreshed the order on the server; the worker's subscriber refreshes it from the event at the same time.
      const key = `order-ops-shipment:${shipment.id}:delivered`
      expect(await eventually(() => notificationsFor(key), (n) => n > 0)).toBe(1)
      const row = await eventually(() => statusRow(shipment.order_id), (r) => r?.shipment_statuses?.includes("delivered"))
      expect(row.shipment_statuses).toContain("delivered")
      // Truth: a fresh computation from the database as it is now, here.
      await pause(2000)
      const settled = await statusRow(shipment.order_id)
      const { result } = await refreshOrderStatusWorkflow(container).run({ input: { order_ids: [shipment.order_id] } })
      const truth = result.order_statuses[0]
      expect(truth.shipment_statuses).toContain("delivered")
      expect({ f: settled.fulfillment_status, p: settled.payment_status, s: settled.shipment_statuses }).toEqual({
        f: truth.fulfillment_status,
        p: truth.payment_status,
        s: truth.shipment_statuses,
      })
      expect(worker.log()).not.toMatch(/already exists/)
      expect(server.log()).not.toMatch(/already exists/)
    })

    it("an order's digital deliveries run in the worker: the webhook is sent once, the download granted, the order completes itself", async () => {
      const orderId = await placeDigitalOrder(0)
      // The server runs no subscribers or jobs: whatever delivers is the worker.
      const view = await eventually(() => deliveriesOf(orderId), (v) => allDone([v]), 120_000)
      expect(view.order_status).toBe("completed")
      expect(view.deliveries.map((d) => [d.method, d.status]).sort()).toEqual([
        ["download", "delivered"],
        ["webhook", "delivered"],
      ])
      const hook = view.deliveries.find((d) => d.method === "webhook")!
      expect(requestsFor(hook.id)).toHaveLength(1)
      expect(requestsFor(hook.id)[0].payload).toMatchObject({ type: "order_ops.delivery.requested", data: { order_id: orderId } })
      expect(receiver.rejected).toEqual([])
      await expectStatusesRight([orderId])
    })

    it("a worker killed with kill -9 in the middle of sending deliveries, then restarted, loses nothing: every delivery delivered under one webhook-id, every order completed, queued events handled once, statuses right", async () => {
      // A slow merchant endpoint: each webhook takes seconds, two at a time per target.
      receiver.delay_ms = 5000
      const answeredBefore = receiver.deliveries.length
      const placing = (async () => {
        for (let n = 1; n <= KILL_BATCH; n++) {
          await placeDigitalOrder(n)
        }
      })()
      placing.catch(() => undefined)
      // Mid-sweep: one of the batch's webhooks answered, another being sent right now.
      const midSweep = await eventually(
        async () => ({ answered: receiver.deliveries.length - answeredBefore, open: receiver.open }),
        (v) => v.answered >= 1 && v.open >= 1,
        240_000
      )
      expect(midSweep.open).toBeGreaterThanOrEqual(1)
      worker.child.kill("SIGKILL")
      expect(await worker.exited).toEqual({ code: null, signal: "SIGKILL" })
      receiver.delay_ms = 0
      // Its in-flight attempts hold their leases, undelivered, until the leases run out.
      const inFlight = await sql(`select id from delivery where status <> 'delivered' and locked_until > now() and deleted_at is null`)
      expect(inFlight.length).toBeGreaterThanOrEqual(1)
      await placing

      // While the worker is down: shipments move on the server, and a status is made stale as a lost event leaves it.
      const shipments = await deliverableShipments()
      expect(shipments.length).toBeGreaterThan(0)
      for (const shipment of shipments) {
        const res = await call("POST", `/admin/shipments/${shipment.id}/events`, {
          status: "delivered",
          occurred_at: "2041-01-01T11:00:00.000Z",
        })
        expect(res.status).toBe(201)
      }
      const [{ order_id: staleOrder }] = await sql(
        `select order_id from order_status where payment_status = 'paid' and deleted_at is null and not (order_id = any(?)) order by display_id limit 1`,
        [digitalOrders]
      )
      await sql(
        `update order_status set payment_status = 'unpaid', computed_at = computed_at - interval '1 hour' where order_id = ?`,
        [staleOrder]
      )
      await sql(`update "order" set updated_at = clock_timestamp() where id = ?`, [staleOrder])

      worker = await timed("restart worker", () => start("worker-2", "worker"))

      // Every delivery delivered and every order completed, including those placed while the worker was dying or dead.
      const views = await eventually(() => Promise.all(digitalOrders.map(deliveriesOf)), allDone, 300_000)
      expect(views.map((v) => v.order_status)).toEqual(digitalOrders.map(() => "completed"))
      expect(views.flatMap((v) => v.deliveries.map((d) => d.status)).every((s) => s === "delivered")).toBe(true)
      // At the receiver: every webhook delivery taken, under one webhook-id each, whatever was resent.
      const hooks = views.flatMap((v) => v.deliveries.filter((d) => d.method === "webhook"))
      expect(hooks).toHaveLength(digitalOrders.length)
      for (const hook of hooks) {
        const requests = requestsFor(hook.id)
        expect({ id: hook.id, taken: requests.filter((r) => r.answered >= 200 && r.answered < 300).length > 0 }).toEqual({ id: hook.id, taken: true })
        expect({ id: hook.id, webhook_ids: new Set(requests.map((r) => r.id)).size }).toEqual({ id: hook.id, webhook_ids: 1 })
      }
      // The killed attempt shows in the log as interrupted, and was sent again under its webhook-id.
      const cutOff = hooks.filter((d) => d.attempts_log.some((a) => a.outcome === "interrupted"))
      expect(cutOff.length).toBeGreaterThanOrEqual(1)
      expect(cutOff.some((d) => requestsFor(d.id).length >= 2)).toBe(true)
      expect(receiver.rejected).toEqual([])

      // The shipment events queued while it was down: notified once each, statuses refreshed.
      for (const shipment of shipments) {
        const key = `order-ops-shipment:${shipment.id}:delivered`
        expect(await eventually(() => notificationsFor(key), (n) => n > 0, 120_000)).toBe(1)
      }
      const healed = await eventually(() => statusRow(staleOrder), (r) => r?.payment_status === "paid", 120_000)
      expect(healed.payment_status).toBe("paid")
      for (const shipment of shipments) {
        const row = await statusRow(shipment.order_id)
        expect(row.shipment_statuses).toContain("delivered")
      }
      // Once each, even after the redelivery of whatever the killed worker held.
      const doubled = await sql(
        `select idempotency_key, count(*)::int as n from notification where idempotency_key like 'order-ops-shipment:%' group by idempotency_key having count(*) > 1`
      )
      expect(doubled).toEqual([])
      await expectStatusesRight([...new Set([...digitalOrders, ...shipments.map((s) => s.order_id), staleOrder])])
    })
  },
})
