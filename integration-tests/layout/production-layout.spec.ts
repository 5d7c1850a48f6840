import { type ChildProcess, spawn, spawnSync } from "node:child_process"
import fs from "node:fs"
import net from "node:net"
import path from "node:path"
import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import type { ExecArgs, MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import Redis from "ioredis"
import seedDemo from "../../src/scripts/seed-demo"
import { refreshOrderStatusWorkflow } from "../../src/workflows/order-status/workflows/refresh-order-status"
import { type Api, createAdmin, type Headers } from "../helpers/fixtures"

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
 * mode: it registers no jobs).
 */
process.env.MEDUSA_WORKER_MODE = "server"

jest.setTimeout(15 * 60 * 1000)

const ROOT = path.resolve(__dirname, "../..")
const BUILD_DIR = path.join(ROOT, ".medusa/server")
const MEDUSA_BIN = path.join(ROOT, "node_modules/@medusajs/cli/cli.js")
const REDIS_DB = Number(process.env.LAYOUT_REDIS_DB ?? 13)
const redisUrl = (() => {
  const url = new URL(process.env.REDIS_URL || "redis://127.0.0.1:6379")
  url.pathname = `/${REDIS_DB}`
  return url.toString()
})()
const DEPRECATION = /is deprecated/i

type Proc = {
  name: string
  port: number
  child: ChildProcess
  log: () => string
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>
}
type Knex = { raw: (sql: string, bindings?: unknown[]) => Promise<{ rows: Record<string, any>[] }> }

const pause = (ms: number) => new Promise((r) => setTimeout(r, ms))

async function freePort(): Promise<number> {
  return await new Promise((resolve, reject) => {
    const srv = net.createServer()
    srv.once("error", reject)
    srv.listen(0, "127.0.0.1", () => {
      const { port } = srv.address() as net.AddressInfo
      srv.close(() => resolve(port))
    })
  })
}

/** Polls until `check` passes or the time is up; returns the last value. */
async function eventually<T>(read: () => Promise<T>, check: (value: T) => boolean, timeoutMs = 60_000): Promise<T> {
  const until = Date.now() + timeoutMs
  let value = await read()
  while (!check(value) && Date.now() < until) {
    await pause(500)
    value = await read()
  }
  return value
}

/** `medusa build` with the admin off, once per run; the build reuses the root's node_modules. */
function build(): void {
  const run = spawnSync(process.execPath, [MEDUSA_BIN, "build"], {
    cwd: ROOT,
    env: { ...process.env, MEDUSA_ADMIN_DISABLED: "true", NODE_ENV: "production", LOG_LEVEL: "error" },
    encoding: "utf8",
  })
  if (run.status !== 0) {
    throw new Error(`medusa build failed (${run.status}):\n${run.stdout}\n${run.stderr}`)
  }
  const modules = path.join(BUILD_DIR, "node_modules")
  if (!fs.existsSync(modules)) {
    fs.symlinkSync(path.join(ROOT, "node_modules"), modules, "dir")
  }
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

    const db = () => container.resolve<Knex>(ContainerRegistrationKeys.PG_CONNECTION)
    const sql = async (text: string, bindings: unknown[] = []) => (await db().raw(text, bindings)).rows

    /** `medusa start` from the build, in the given worker mode, until /health answers. */
    const start = async (name: string, mode: "server" | "worker"): Promise<Proc> => {
      const port = await freePort()
      const child = spawn(process.execPath, [MEDUSA_BIN, "start"], {
        cwd: BUILD_DIR,
        env: {
          ...process.env,
          NODE_ENV: "production",
          DATABASE_URL: dbConfig.clientUrl,
          REDIS_URL: redisUrl,
          MEDUSA_WORKER_MODE: mode,
          MEDUSA_ADMIN_DISABLED: "true",
          PORT: String(port),
          LOG_LEVEL: "info",
          MEDUSA_DISABLE_TELEMETRY: "true",
        },
        stdio: ["ignore", "pipe", "pipe"],
      })
      let output = ""
      const keep = (b: Buffer) => {
        output = (output + b.toString()).slice(-200_000)
      }
      child.stdout!.on("data", keep)
      child.stderr!.on("data", keep)
      const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
        child.on("exit", (code, signal) => resolve({ code, signal }))
      )
      const proc: Proc = { name, port, child, log: () => output, exited }
      started.push(proc)
      const until = Date.now() + 5 * 60_000
      for (;;) {
        if (child.exitCode !== null) {
          throw new Error(`${name} exited ${child.exitCode} while starting:\n${output.slice(-4000)}`)
        }
        const ok = await fetch(`http://127.0.0.1:${port}/health`).then((r) => r.ok, () => false)
        if (ok) {
          return proc
        }
        if (Date.now() > until) {
          throw new Error(`${name} did not answer /health:\n${output.slice(-4000)}`)
        }
        await pause(1000)
      }
    }

    /** A request to the spawned server's public API as the admin; retried once on a reused keep-alive socket. */
    const call = async (method: "GET" | "POST", url: string, body?: unknown): Promise<{ status: number; data: any }> => {
      const send = () =>
        fetch(`http://127.0.0.1:${server.port}${url}`, {
          method,
          headers: { ...admin.headers, "content-type": "application/json" },
          body: body === undefined ? undefined : JSON.stringify(body),
        })
      const res = await send().catch((e: { cause?: { code?: string } }) => {
        if (e?.cause?.code === "ECONNRESET") {
          return send()
        }
        throw e
      })
      const text = await res.text()
      return { status: res.status, data: text ? JSON.parse(text) : null }
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
      const redis = new Redis(redisUrl, { maxRetriesPerRequest: 2 })
      await redis.flushdb()
      await redis.quit()
      build()
      await seedDemo({ container, args: [] } as unknown as ExecArgs)
      admin = await createAdmin(api, container, "layout-admin@order-ops.test")
      ;[server, worker] = await Promise.all([start("server", "server"), start("worker", "worker")])
    })

    afterAll(async () => {
      for (const proc of started) {
        if (proc.child.exitCode === null && proc.child.signalCode === null) {
          proc.child.kill("SIGTERM")
          const stopped = await Promise.race([proc.exited.then(() => true), pause(15_000).then(() => false)])
          if (!stopped) {
            proc.child.kill("SIGKILL")
          }
        }
      }
    })

    it("boots a server and a worker on the Redis modules with no deprecation warning; the worker runs the scheduled jobs", async () => {
      expect(server.log()).not.toMatch(DEPRECATION)
      expect(worker.log()).not.toMatch(DEPRECATION)
      for (const proc of [server, worker]) {
        expect(proc.log()).toContain("Connection to Redis in module 'event-bus-redis' established")
        expect(proc.log()).toContain("Connection to Redis in module 'workflow-engine-redis' established")
        expect(proc.log()).toMatch(/Connection to Redis in \\?"locking-redis\\?" provider established/)
      }
      // The heal job runs every minute in the worker only: its cursor row appears.
      const cursor = await eventually(
        () => sql(`select last_run_at from order_status_heal_cursor where id = 'order-status-heal'`),
        (rows) => rows.length === 1 && rows[0].last_run_at !== null,
        150_000
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

    it("a worker killed with kill -9 and restarted loses nothing: events queued meanwhile are handled once, statuses end right", async () => {
      worker.child.kill("SIGKILL")
      await worker.exited
      const shipments = await deliverableShipments()
      expect(shipments.length).toBeGreaterThan(0)
      for (const shipment of shipments) {
        const res = await call("POST", `/admin/shipments/${shipment.id}/events`, {
          status: "delivered",
          occurred_at: "2041-01-01T11:00:00.000Z",
        })
        expect(res.status).toBe(201)
      }
      // A status made stale as a lost event leaves it: computed before its sources changed.
      const [{ order_id: staleOrder }] = await sql(
        `select order_id from order_status where payment_status = 'paid' and deleted_at is null order by display_id limit 1`
      )
      await sql(
        `update order_status set payment_status = 'unpaid', computed_at = computed_at - interval '1 hour' where order_id = ?`,
        [staleOrder]
      )
      await sql(`update "order" set updated_at = clock_timestamp() where id = ?`, [staleOrder])

      worker = await start("worker-2", "worker")
      for (const shipment of shipments) {
        const key = `order-ops-shipment:${shipment.id}:delivered`
        expect(await eventually(() => notificationsFor(key), (n) => n > 0, 120_000)).toBe(1)
      }
      const healed = await eventually(() => statusRow(staleOrder), (r) => r?.payment_status === "paid", 150_000)
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
    })
  },
})
