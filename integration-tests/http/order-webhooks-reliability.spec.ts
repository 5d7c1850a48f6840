import path from "node:path"
import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import type { MedusaContainer } from "@medusajs/framework/types"
import { Webhook } from "standardwebhooks"
import { ORDER_WEBHOOK_MODULE } from "../../src/modules/order-webhook"
import type OrderWebhookModuleService from "../../src/modules/order-webhook/service"
import { startOrderWebhookReceiver, type OrderWebhookReceiver } from "../fakes/order-webhook-receiver"
import { type Api, createAdmin } from "../helpers/fixtures"
import { type MedusaExecProcess, startMedusaExec } from "../helpers/medusa-exec"

// No scheduled sweep inside the test app: only the worker processes sweep.
process.env.MEDUSA_WORKER_MODE = "server"

jest.setTimeout(600 * 1000)

const SWEEP_WORKER = path.resolve(__dirname, "../reliability/webhook-sweep-worker.ts")
const EVENTS = 80

type Knex = { raw: (sql: string, bindings?: unknown[]) => Promise<{ rows: Record<string, any>[] }> }
type Worker = MedusaExecProcess

const pause = (ms: number) => new Promise((r) => setTimeout(r, ms))

medusaIntegrationTestRunner({
  inApp: true,
  env: { LOG_LEVEL: "error" },
  testSuite: ({ api: rawApi, getContainer, dbConfig }) => {
    const api = rawApi as Api
    let container: MedusaContainer
    let receiver: OrderWebhookReceiver

    const sql = async (text: string, bindings: unknown[] = []) =>
      (await container.resolve<Knex>(ContainerRegistrationKeys.PG_CONNECTION).raw(text, bindings)).rows

    const startWorker = (name: string): Worker => startMedusaExec(SWEEP_WORKER, { database_url: dbConfig.clientUrl, name })
    const sessionsOf = async (name: string) =>
      (await sql(`select count(*)::int as n from pg_stat_activity where application_name = ?`, [name]))[0].n as number

    beforeAll(async () => {
      container = getContainer()
      receiver = await startOrderWebhookReceiver()
    })
    afterAll(async () => {
      await receiver.close()
    })

    it("SIGKILL of the worker mid-delivery: after restart every event is delivered at least once, never under two ids", async () => {
      const admin = await createAdmin(api, container)
      const { data } = await api.post(
        "/admin/order-ops/webhooks",
        { url: receiver.url, events: ["order.completed"], max_in_flight: 4 },
        admin
      )
      const secret = data.secret as string
      const service = container.resolve<OrderWebhookModuleService>(ORDER_WEBHOOK_MODULE)
      const eventIds: string[] = []
      for (let i = 0; i < EVENTS; i++) {
        const { event_id } = await service.enqueueEvent({
          type: "order.completed",
          version: 1,
          dedupe_key: `order.completed:order_${i}`,
          order_id: `order_${i}`,
          is_test: false,
          payload: { order_reference: `oref_${i}`, display_id: i, is_test: false },
          occurred_at: new Date("2041-01-01T00:00:00Z"),
        })
        eventIds.push(event_id)
      }
      receiver.delay_ms = 150

      // 1. Worker A sweeps; kill it once some, not all, have arrived.
      const a = startWorker("wh-sweep-worker-a")
      let exitedEarly = false
      void a.exited.then(() => (exitedEarly = true))
      while (!exitedEarly && receiver.requests.length < 20) await pause(20)
      expect(exitedEarly).toBe(false)
      a.child.kill("SIGKILL")
      expect(await a.exited).toEqual({ code: null, signal: "SIGKILL" })
      for (let i = 0; i < 200 && (await sessionsOf("wh-sweep-worker-a")) > 0; i++) await pause(50)
      expect(await sessionsOf("wh-sweep-worker-a")).toBe(0)
      const counts = await sql(`select status, count(*)::int as n from webhook_delivery group by status`)
      const pendingAtKill = counts.find((c) => c.status === "pending")?.n ?? 0
      expect(pendingAtKill).toBeGreaterThan(0)
      // The dead worker's leases: in-flight requests never recorded (at most max_in_flight).
      const stranded = await sql(`select id from webhook_delivery where status = 'pending' and locked_until > now()`)
      expect(stranded.length).toBeLessThanOrEqual(4)

      // 2. The leases expire (set to the past now that the worker is confirmed dead); worker B finishes.
      await sql(`update webhook_delivery set locked_until = now() - interval '1 second' where status = 'pending' and locked_until is not null`)
      receiver.delay_ms = 0
      const b = startWorker("wh-sweep-worker-b")
      expect(await b.exited).toEqual({ code: 0, signal: null })
      expect(b.lines).toContain("done")

      // 3. Every event arrived at least once, each under exactly one webhook-id, all verified.
      const deliveries = await service.listWebhookDeliveries({ event_id: eventIds })
      expect(deliveries).toHaveLength(EVENTS)
      expect(deliveries.every((d) => d.status === "succeeded")).toBe(true)
      const idsByEvent = new Map<string, Set<string>>()
      for (const req of receiver.requests) {
        const body = new Webhook(secret).verify(req.raw_body, req.headers) as { data: { order_reference: string } }
        const set = idsByEvent.get(body.data.order_reference) ?? new Set<string>()
        set.add(req.headers["webhook-id"])
        idsByEvent.set(body.data.order_reference, set)
      }
      expect(idsByEvent.size).toBe(EVENTS)
      expect([...idsByEvent.values()].every((ids) => ids.size === 1)).toBe(true)
      const expectedIds = new Set(deliveries.map((d) => d.id))
      expect(new Set(receiver.requests.map((r) => r.headers["webhook-id"]))).toEqual(expectedIds)
    })
  },
})
