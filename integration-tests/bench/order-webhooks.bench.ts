import os from "node:os"
import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import type { MedusaContainer } from "@medusajs/framework/types"
import { Webhook } from "standardwebhooks"
import { Agent, request } from "undici"
import { ORDER_WEBHOOK_MODULE } from "../../src/modules/order-webhook"
import type OrderWebhookModuleService from "../../src/modules/order-webhook/service"
import { sweepWebhookDeliveries } from "../../src/workflows/order-webhooks/utils/sweep-webhook-deliveries"
import { startOrderWebhookReceiver, type OrderWebhookReceiver } from "../fakes/order-webhook-receiver"
import { type Api, createAdmin } from "../helpers/fixtures"
import { machineDescription, percentile, watchQueries, writeBenchmark } from "./stats"

// No scheduled sweep inside the app: the benchmark drives delivery itself.
process.env.MEDUSA_WORKER_MODE = "server"

jest.setTimeout(60 * 60 * 1000)

const EVENTS = Number(process.env.BENCH_WEBHOOK_EVENTS || 10_000)
const PACED_EVENTS = Number(process.env.BENCH_WEBHOOK_PACED_EVENTS || 200)
const PACE_MS = 20
/** BENCH_QUERY_STATS=1: print the sweep's SQL statements by shape. */
const QUERY_STATS = process.env.BENCH_QUERY_STATS === "1"
const GOAL_RATIO = 0.5
const GOAL_P95_MS = 2_000
const loadAtStart = os.loadavg().map((n) => n.toFixed(1)).join(" / ")

const payload = (i: number) => ({
  order_reference: `oref_bench${String(i).padStart(21, "0")}`,
  display_id: i,
  is_test: false,
})

/**
 * Outgoing webhooks at volume, in one run:
 * (1) EVENTS order events fanned out to 3 local endpoints through the outbox
 * and the sweep, against a bare loop that signs the same payloads with
 * `standardwebhooks` and POSTs them with undici at the same concurrency;
 * (2) the delay from the change (enqueue) to the receiver for two healthy
 * endpoints while a third hangs, events arriving every 20 ms and each
 * attempted at once as the subscriber does.
 */
medusaIntegrationTestRunner({
  inApp: true,
  env: { LOG_LEVEL: "error" },
  testSuite: ({ api: rawApi, getContainer }) => {
    it("measures webhook throughput and delay with a hanging endpoint", async () => {
      const api = rawApi as Api
      const container: MedusaContainer = getContainer()
      const service = container.resolve<OrderWebhookModuleService>(ORDER_WEBHOOK_MODULE)
      const admin = await createAdmin(api, container)
      const { concurrency } = service.getOptions().webhooks
      const receivers: OrderWebhookReceiver[] = await Promise.all([0, 1, 2].map(() => startOrderWebhookReceiver()))
      const hanging = await startOrderWebhookReceiver()
      hanging.hang = true
      try {
        const endpointIds: string[] = []
        for (const r of receivers) {
          const { data } = await api.post("/admin/order-ops/webhooks", { url: r.url, events: ["order.completed"], max_in_flight: 8 }, admin)
          endpointIds.push(data.webhook_endpoint.id)
        }

        // (1a) The plugin: enqueue every event (one transaction each), then sweep until nothing is due.
        const enqueueStart = Date.now()
        for (let i = 0; i < EVENTS; i++) {
          await service.enqueueEvent({
            type: "order.completed",
            version: 1,
            dedupe_key: `order.completed:bench_${i}`,
            order_id: `order_bench_${i}`,
            is_test: false,
            payload: payload(i),
            occurred_at: new Date(),
          })
        }
        const enqueueMs = Date.now() - enqueueStart
        const queryStats = QUERY_STATS ? watchQueries() : null
        queryStats?.start()
        const sweepStart = Date.now()
        for (;;) {
          const { attempted } = await sweepWebhookDeliveries(container)
          if (!attempted) break
        }
        const sweepMs = Date.now() - sweepStart
        if (queryStats) {
          console.log(queryStats.report())
          queryStats.restore()
        }
        const delivered = receivers.reduce((n, r) => n + r.requests.length, 0)
        expect(delivered).toBe(EVENTS * 3)
        const pluginRate = delivered / (sweepMs / 1000)

        // (1b) The bare loop: sign and POST the same payloads, same concurrency, keep-alive agent.
        for (const r of receivers) r.requests.length = 0
        const secret = `whsec_${Buffer.from("bench-secret-bench-secret-32byte").toString("base64")}`
        const wh = new Webhook(secret)
        const agent = new Agent({ connections: concurrency })
        const jobs = receivers.flatMap((r) => Array.from({ length: EVENTS }, (_, i) => ({ url: r.url, i })))
        let next = 0
        const bareStart = Date.now()
        await Promise.all(
          Array.from({ length: concurrency }, async () => {
            while (next < jobs.length) {
              const job = jobs[next++]
              const body = JSON.stringify({ type: "order.completed", version: 1, timestamp: new Date().toISOString(), data: payload(job.i) })
              const now = new Date()
              const id = `msg_bare_${job.i}`
              const res = await request(job.url, {
                method: "POST",
                dispatcher: agent,
                body,
                headers: {
                  "content-type": "application/json",
                  "webhook-id": id,
                  "webhook-timestamp": String(Math.floor(now.getTime() / 1000)),
                  "webhook-signature": wh.sign(id, now, body),
                },
              })
              await res.body.text()
            }
          })
        )
        const bareMs = Date.now() - bareStart
        await agent.close()
        const bareRate = jobs.length / (bareMs / 1000)

        // (2) Delay with one endpoint hanging: two healthy + the hanging one, events every PACE_MS.
        await service.updateWebhookEndpoints({ id: endpointIds[2], enabled: false })
        const { data: hangingEndpoint } = await api.post(
          "/admin/order-ops/webhooks",
          { url: hanging.url, events: ["order.completed"], max_in_flight: 2 },
          admin
        )
        for (const r of receivers) r.requests.length = 0
        const enqueuedAt = new Map<string, number>()
        const inFlight: Promise<unknown>[] = []
        for (let i = 0; i < PACED_EVENTS; i++) {
          const t0 = Date.now()
          const { delivery_ids } = await service.enqueueEvent({
            type: "order.completed",
            version: 1,
            dedupe_key: `order.completed:paced_${i}`,
            order_id: `order_paced_${i}`,
            is_test: false,
            payload: payload(EVENTS + i),
            occurred_at: new Date(),
          })
          for (const id of delivery_ids) enqueuedAt.set(id, t0)
          // As the subscriber does: attempt the new deliveries at once, without holding up the next event.
          inFlight.push(sweepWebhookDeliveries(container, { delivery_ids }))
          await new Promise((r) => setTimeout(r, PACE_MS))
        }
        const healthy = receivers.slice(0, 2)
        const deadline = Date.now() + 120_000
        while (healthy.reduce((n, r) => n + r.requests.length, 0) < PACED_EVENTS * 2 && Date.now() < deadline) {
          await new Promise((r) => setTimeout(r, 50))
        }
        const delays = healthy.flatMap((r) => r.requests.map((q) => q.at - (enqueuedAt.get(q.headers["webhook-id"]) ?? q.at)))
        expect(delays).toHaveLength(PACED_EVENTS * 2)
        const hangingRequests = hanging.requests.length
        await hanging.close()
        await Promise.all(inFlight)
        const p50 = percentile(delays, 50)
        const p95 = percentile(delays, 95)
        const ratio = pluginRate / bareRate
        const reduced = EVENTS < 10_000
        writeBenchmark({
          id: "13-order-webhooks",
          title: "Outgoing order webhooks",
          method:
            `${EVENTS.toLocaleString("en")} order events enqueued in the outbox (one transaction each) and fanned out to 3 local endpoints by the sweep ` +
            `(concurrency ${concurrency}; each endpoint's share of a lease is one attempt workflow that records its batch and leases the endpoint's next one, with its data, until nothing is due; SSRF-pinned keep-alive undici agent), against a bare loop that signs the same payloads with standardwebhooks ` +
            `and POSTs them with one keep-alive undici agent at the same concurrency, in the same run. Then ${PACED_EVENTS} events every ${PACE_MS} ms to two healthy ` +
            `endpoints and one that never answers (max_in_flight 2), each attempted at once as the subscriber does: delay from enqueue to arrival at the healthy receivers. ` +
            `Load average at start ${loadAtStart}.` +
            (reduced ? ` Measured on a shared, loaded machine at reduced scale (BENCH_WEBHOOK_EVENTS=${EVENTS}).` : ""),
          goal: `plugin throughput ≥ ${GOAL_RATIO * 100} % of the bare loop; p95 delay ≤ ${GOAL_P95_MS} ms with one endpoint hanging`,
          met: ratio >= GOAL_RATIO && p95 <= GOAL_P95_MS,
          table: {
            headers: ["measure", "value"],
            rows: [
              ["events × endpoints", `${EVENTS} × 3 = ${EVENTS * 3}`],
              ["enqueue (outbox) total", `${enqueueMs} ms`],
              ["plugin sweep deliveries/s", pluginRate.toFixed(1)],
              ["bare undici sign+POST deliveries/s", bareRate.toFixed(1)],
              ["plugin / bare", `${(ratio * 100).toFixed(1)} %`],
              ["delay p50 (hanging endpoint present)", `${p50} ms`],
              ["delay p95 (hanging endpoint present)", `${p95} ms`],
              ["requests held by the hanging endpoint", hangingRequests],
            ],
          },
          measured_at: new Date().toISOString(),
          machine: machineDescription(),
        })
        expect(hangingEndpoint.webhook_endpoint.id).toBeTruthy()
      } finally {
        for (const r of receivers) await r.close()
        await hanging.close().catch(() => undefined)
      }
    })
  },
})
