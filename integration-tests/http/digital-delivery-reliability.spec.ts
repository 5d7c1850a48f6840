import path from "node:path"
import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import type { MedusaContainer } from "@medusajs/framework/types"
import digitalDeliverySweepJob, { DELIVERY_SWEEP_BATCH } from "../../src/jobs/digital-delivery-sweep"
import { DIGITAL_DELIVERY_MODULE } from "../../src/modules/digital-delivery"
import type DigitalDeliveryModuleService from "../../src/modules/digital-delivery/service"
import seedDemo from "../../src/scripts/seed-demo"
import { maskCode } from "../../src/workflows/digital-delivery/utils/attempt-delivery"
import { startWebhookReceiver, WEBHOOK_FAKE_SECRET, type WebhookReceiverHandle } from "../fakes/webhook-receiver"
import { type Api, createAdmin, type Headers } from "../helpers/fixtures"
import { type MedusaExecProcess, startMedusaExec } from "../helpers/medusa-exec"

// The scheduled sweep would run every minute inside the test app and take
// leases this file hands to specific processes; `server` mode does not
// register jobs (subscribers still run). Jest gives each file its own env.
process.env.MEDUSA_WORKER_MODE = "server"

jest.setTimeout(600 * 1000)

/** Enough codes for the largest test, plus spare ones that must stay available. */
const POOL_SIZE = 800
/**
 * How long the hanging target holds a request (the request timeout). Each attempt is a
 * workflow of several steps (lease, prepare, the "sending" row, the call, the fenced
 * outcome): on a shared, loaded machine the other workers need more than a second to
 * start theirs, so the hang is long enough that "started while it was open" is about
 * blocking, not about CPU scheduling. 3 s was not: on a CI machine loaded by a full run one
 * of ten ordinary deliveries started 127 ms after a 3 s hang ended.
 */
const HANG_MS = 8000
const SWEEP_WORKER = path.resolve(__dirname, "../reliability/sweep-worker.ts")

type Knex = { raw: (sql: string, bindings?: unknown[]) => Promise<{ rows: Record<string, any>[] }> }
type Worker = MedusaExecProcess

medusaIntegrationTestRunner({
  inApp: true,
  env: { LOG_LEVEL: "error" },
  testSuite: ({ api: rawApi, getContainer, dbConfig }) => {
    const api = rawApi as Api
    let container: MedusaContainer
    let admin: Headers & { userId: string }
    let hanging: WebhookReceiverHandle
    let healthy: WebhookReceiverHandle
    const variants: Record<string, string> = {}
    const products: Record<"license" | "download" | "hanging_hook" | "healthy_hook", string> = {
      license: "",
      download: "",
      hanging_hook: "",
      healthy_hook: "",
    }
    let poolId: string

    const service = () => container.resolve<DigitalDeliveryModuleService>(DIGITAL_DELIVERY_MODULE)
    const db = () => container.resolve<Knex>(ContainerRegistrationKeys.PG_CONNECTION)
    const sql = async (text: string, bindings: unknown[] = []) => (await db().raw(text, bindings)).rows

    type Kind = keyof typeof products
    const KIND_SKU: Record<Kind, string> = {
      license: "OOPS-LICENSE-1",
      download: "OOPS-EBOOK-PDF",
      hanging_hook: "OOPS-EBOOK-EPUB",
      healthy_hook: "OOPS-VIP-365",
    }
    const KIND_METHOD: Record<Kind, "license_code" | "download" | "webhook"> = {
      license: "license_code",
      download: "download",
      hanging_hook: "webhook",
      healthy_hook: "webhook",
    }

    /**
     * One order per delivery straight through the order module, and its
     * delivery straight through the module service, due `dueAt` — what
     * `createOrderDeliveriesWorkflow` writes, without one workflow run per delivery.
     */
    const createDueDeliveries = async (specs: { kind: Kind; quantity: number }[], dueAt: Date) => {
      const orders = await container.resolve(Modules.ORDER).createOrders(
        specs.map((s, i) => ({
          currency_code: "eur",
          email: `reliability+${i}@example.com`,
          items: [
            {
              title: s.kind,
              variant_id: variants[KIND_SKU[s.kind]],
              variant_sku: KIND_SKU[s.kind],
              quantity: s.quantity,
              unit_price: 10,
              requires_shipping: false,
            },
          ],
        }))
      )
      const created = await service().createDeliveries(
        orders.map((order, i) => {
          const item = order.items![0]
          const kind = specs[i].kind
          return {
            order_id: order.id,
            line_item_id: item.id,
            variant_id: variants[KIND_SKU[kind]],
            delivery_product_id: products[kind],
            method: KIND_METHOD[kind],
            title: kind,
            quantity: specs[i].quantity,
            status: "pending" as const,
            // Due in order: the sweep leases oldest first.
            next_attempt_at: new Date(dueAt.getTime() + i),
            idempotency_key: `msg_${item.id}`,
          }
        })
      )
      return created.map((d, i) => ({ id: d.id, kind: specs[i].kind, quantity: specs[i].quantity }))
    }

    /** `medusa exec` of the sweep worker against this test's database, under its own application_name. */
    const startWorker = (name: string): Worker => startMedusaExec(SWEEP_WORKER, { database_url: dbConfig.clientUrl, name })
    const sessionsOf = async (name: string) =>
      Number((await sql(`select count(*)::int as n from pg_stat_activity where application_name = ?`, [name]))[0].n)
    const statusCounts = async (ids: string[]) => {
      const rows = await sql(
        `select status, count(*)::int as n from delivery where id = any(?) group by status`,
        [ids]
      )
      return Object.fromEntries(rows.map((r) => [r.status as string, r.n as number])) as Record<string, number>
    }
    const pause = (ms: number) => new Promise((r) => setTimeout(r, ms))

    /** The code invariants, whatever ran: one delivery per code, exactly its quantity each, and what each attempt told the customer is what it holds. */
    /** When each of these deliveries' "deliver" attempts ran: the row is written (as sending) when the attempt starts, and records its duration. */
    const attemptSpans = async (ids: string[]) =>
      (
        await sql(
          `select delivery_id, created_at, duration_ms from delivery_attempt where delivery_id = any(?) and kind = 'deliver' and deleted_at is null`,
          [ids]
        )
      ).map((r) => {
        const start = new Date(r.created_at as string).getTime()
        return { delivery_id: r.delivery_id as string, start, end: start + Number(r.duration_ms) }
      })
    const expectCodesIntact = async (deliveries: { id: string; kind: Kind; quantity: number }[]) => {
      const licensed = deliveries.filter((d) => d.kind === "license")
      const doubled = await sql(
        `select code, count(*)::int as n from license_code where delivery_id is not null and deleted_at is null group by code having count(*) > 1`
      )
      expect(doubled).toEqual([])
      const held = await sql(
        `select delivery_id, array_agg(code order by assigned_at, id) as codes from license_code
         where delivery_id = any(?) and deleted_at is null group by delivery_id`,
        [licensed.map((d) => d.id)]
      )
      const byDelivery = new Map(held.map((r) => [r.delivery_id as string, r.codes as string[]]))
      const wrong = licensed.filter((d) => (byDelivery.get(d.id)?.length ?? 0) !== d.quantity)
      expect(wrong).toEqual([])
      const [{ assigned, available }] = await sql(
        `select count(*) filter (where status = 'assigned')::int as assigned, count(*) filter (where status = 'available')::int as available
         from license_code where pool_id = ? and deleted_at is null`,
        [poolId]
      )
      const quantities = licensed.reduce((s, d) => s + d.quantity, 0)
      expect({ assigned, available }).toEqual({ assigned: quantities, available: POOL_SIZE - quantities })
      // A code taken from one delivery and given to another would leave the first
      // delivery's log naming a code it no longer holds.
      const told = await sql(
        `select delivery_id, response from delivery_attempt where delivery_id = any(?) and kind = 'deliver' and outcome = 'delivered' and deleted_at is null`,
        [licensed.map((d) => d.id)]
      )
      const mismatched = told.filter(
        (a) => JSON.stringify(a.response.codes) !== JSON.stringify((byDelivery.get(a.delivery_id) ?? []).map(maskCode))
      )
      expect(mismatched).toEqual([])
    }

    beforeAll(async () => {
      container = getContainer()
      admin = await createAdmin(api, container)
      await seedDemo({ container, args: [] })
      const { data } = await container.resolve(ContainerRegistrationKeys.QUERY).graph({ entity: "product_variant", fields: ["id", "sku"] })
      for (const v of data) {
        variants[v.sku as string] = v.id as string
      }
      hanging = await startWebhookReceiver()
      healthy = await startWebhookReceiver()
      const file = await container.resolve(Modules.FILE).createFiles({
        filename: "handbook.pdf",
        mimeType: "application/pdf",
        content: Buffer.from("%PDF-1.4 the handbook").toString("base64"),
        access: "private",
      })
      const pool = (await api.post("/admin/license-pools", { name: "Reliability seats" }, admin)).data.license_pool
      poolId = pool.id
      const imported = await api.post(
        `/admin/license-pools/${pool.id}/codes`,
        { codes: Array.from({ length: POOL_SIZE }, (_, i) => `REL-${String(i).padStart(5, "0")}-KEY`).join("\n") },
        admin
      )
      expect(imported.data.imported).toBe(POOL_SIZE)
      const product = async (kind: Kind, settings: Record<string, unknown>) => {
        const res = await api.post("/admin/delivery-products", { variant_id: variants[KIND_SKU[kind]], method: KIND_METHOD[kind], settings }, admin)
        products[kind] = res.data.delivery_product.id
      }
      await product("license", { pool_id: pool.id })
      await product("download", { file_ids: [file.id], file_names: { [file.id]: "handbook.pdf" }, link_lifetime_hours: 24, max_downloads: 3 })
      await product("hanging_hook", { url: `${hanging.url}/orders`, secret: WEBHOOK_FAKE_SECRET })
      await product("healthy_hook", { url: `${healthy.url}/orders`, secret: WEBHOOK_FAKE_SECRET })
    })
    afterAll(async () => {
      await hanging?.close()
      await healthy?.close()
    })
    afterEach(() => {
      service().configureRemoteMethods({ timeout_ms: 10_000, concurrency: 10, per_target_concurrency: 2 })
      hanging.hang = false
    })

    it("survives a sweep worker SIGKILLed mid-run: after its leases expire a restarted worker finishes, no code doubled", async () => {
      // 120 deliveries: license codes (1–3 each) with downloads interleaved, so both are in flight when the worker dies.
      const specs = Array.from({ length: 120 }, (_, i) =>
        i % 7 === 6 ? { kind: "download" as const, quantity: 1 } : { kind: "license" as const, quantity: (i % 3) + 1 }
      )
      const deliveries = await createDueDeliveries(specs, new Date(Date.now() - 60_000))
      const ids = deliveries.map((d) => d.id)
      const concurrency = service().getOptions().digital_delivery.concurrency

      // 1. Worker A sweeps in its own process; kill it once some (not all) are delivered.
      const a = startWorker("dd-sweep-worker-a")
      let exitedEarly = false
      void a.exited.then(() => (exitedEarly = true))
      let delivered = 0
      while (!exitedEarly && delivered < 40) {
        await pause(20)
        delivered = (await statusCounts(ids)).delivered ?? 0
      }
      expect(exitedEarly).toBe(false)
      // Its DB sessions are visible under its name, so "gone" below means something.
      expect(await sessionsOf("dd-sweep-worker-a")).toBeGreaterThan(0)
      a.child.kill("SIGKILL")
      expect(await a.exited).toEqual({ code: null, signal: "SIGKILL" })
      // Dead for the database too: every backend of the worker has ended (its open transactions rolled back).
      for (let i = 0; i < 200 && (await sessionsOf("dd-sweep-worker-a")) > 0; i++) {
        await pause(50)
      }
      expect(await sessionsOf("dd-sweep-worker-a")).toBe(0)

      // 2. What the kill left: a partial run and leases nobody will release.
      const atKill = await statusCounts(ids)
      expect(atKill.delivered).toBeGreaterThanOrEqual(40)
      expect(atKill.delivered).toBeLessThan(ids.length)
      const stranded = (
        await sql(`select id from delivery where id = any(?) and status = 'pending' and locked_until > now()`, [ids])
      ).map((r) => r.id as string)
      expect(stranded.length).toBeGreaterThan(0)
      // Attempts interrupted between writing the attempt row and updating the delivery:
      // the only deliveries that may later show two successful attempts.
      const interrupted = new Set(
        (
          await sql(
            `select distinct d.id from delivery d join delivery_attempt a on a.delivery_id = d.id and a.kind = 'deliver' and a.deleted_at is null
             where d.id = any(?) and d.status = 'pending'`,
            [ids]
          )
        ).map((r) => r.id as string)
      )
      expect(interrupted.size).toBeLessThanOrEqual(concurrency)
      expect([...interrupted].every((id) => stranded.includes(id))).toBe(true)

      // 3. Another sweep now leaves the dead worker's leases alone.
      const before = await sql(`select count(*)::int as n from delivery_attempt where delivery_id = any(?) and kind = 'deliver'`, [stranded])
      const { attempted } = await digitalDeliverySweepJob(container)
      expect(attempted).toBeLessThanOrEqual(ids.length - atKill.delivered - stranded.length)
      expect(await sql(`select count(*)::int as n from delivery_attempt where delivery_id = any(?) and kind = 'deliver'`, [stranded])).toEqual(before)

      // 4. The leases expire (DELIVERY_LEASE_SECONDS = 120 in production; here set to the
      //    past, only now that the worker is confirmed dead), and worker B runs to the end.
      //    (On a loaded machine step 3 can outlast the 120 s, so expire by status, not by lease time.)
      const expired = await sql(
        `update delivery set locked_until = now() - interval '1 second' where id = any(?) and status = 'pending' returning id`,
        [ids]
      )
      // What is left is exactly what the dead worker held: step 3 finished everything else.
      expect(expired.map((r) => r.id).sort()).toEqual([...stranded].sort())
      const b = startWorker("dd-sweep-worker-b")
      expect(await b.exited).toEqual({ code: 0, signal: null })
      expect(b.lines).toContain("done")

      // 5. Everything ended, nothing is held, nothing is due.
      expect(await statusCounts(ids)).toEqual({ delivered: ids.length })
      expect(await sql(`select id from delivery where id = any(?) and locked_until > now()`, [ids])).toEqual([])
      await expectCodesIntact(deliveries)
      const grants = await sql(
        `select delivery_id, count(*)::int as n from download_grant where delivery_id = any(?) and deleted_at is null group by delivery_id`,
        [ids]
      )
      expect(grants).toHaveLength(specs.filter((s) => s.kind === "download").length)
      expect(grants.every((g) => g.n === 1)).toBe(true)

      // 6. The attempt log: exactly one successful attempt per delivery. An attempt cut off
      //    after its row was written as "sending" now says "interrupted" (its retry reused the
      //    codes/grants it held), never a second "delivered".
      const successes = await sql(
        `select delivery_id, count(*)::int as n from delivery_attempt
         where delivery_id = any(?) and kind = 'deliver' and outcome = 'delivered' and deleted_at is null group by delivery_id`,
        [ids]
      )
      expect(successes).toHaveLength(ids.length)
      const duplicated = successes.filter((s) => s.n > 1)
      expect(duplicated).toEqual([])
      const cutOff = await sql(
        `select distinct delivery_id from delivery_attempt where delivery_id = any(?) and outcome = 'interrupted' and deleted_at is null`,
        [ids]
      )
      expect(cutOff.map((r) => r.delivery_id).sort()).toEqual([...interrupted].sort())
      expect(await sql(`select id from delivery_attempt where delivery_id = any(?) and outcome = 'sending'`, [ids])).toEqual([])
      expect(await sql(`select id from delivery where id = any(?) and attempts <> 1`, [ids])).toEqual([])
      console.log(
        `[reliability] killed after ${atKill.delivered}/${ids.length} delivered; ${stranded.length} stranded leases; ` +
          `${interrupted.size} interrupted after logging; ${duplicated.length} duplicate successful attempts; in-process sweep took ${attempted} unleased`
      )
    })

    it("two sweeps at once attempt each delivery exactly once and never double a code", async () => {
      const specs = [
        ...Array.from({ length: 120 }, (_, i) => ({ kind: "license" as const, quantity: (i % 2) + 1 })),
        ...Array.from({ length: 30 }, () => ({ kind: "download" as const, quantity: 1 })),
      ]
      const deliveries = await createDueDeliveries(specs, new Date(Date.now() - 60_000))
      const ids = deliveries.map((d) => d.id)
      const rounds: number[][] = []
      for (;;) {
        const results = await Promise.all([digitalDeliverySweepJob(container), digitalDeliverySweepJob(container)])
        rounds.push(results.map((r) => r.attempted))
        if (results.every((r) => r.attempted === 0)) {
          break
        }
      }
      // The first round really ran two sweeps side by side, each attempting deliveries, on disjoint leases.
      expect(rounds[0].every((n) => n > 0)).toBe(true)
      expect(rounds[0].every((n) => n <= DELIVERY_SWEEP_BATCH)).toBe(true)
      expect(rounds.flat().reduce((s, n) => s + n, 0)).toBe(ids.length)
      const perDelivery = await sql(
        `select d.id, count(a.id)::int as n from delivery d left join delivery_attempt a on a.delivery_id = d.id and a.kind = 'deliver' and a.deleted_at is null
         where d.id = any(?) group by d.id`,
        [ids]
      )
      expect(perDelivery.filter((r) => r.n !== 1)).toEqual([])
      expect(await statusCounts(ids)).toEqual({ delivered: ids.length })
      await expectCodesIntact(deliveries)
    })

    it("a hanging webhook target times out into a retry without holding up the rest of the sweep", async () => {
      service().configureRemoteMethods({ timeout_ms: HANG_MS })
      hanging.hang = true
      const healthyBefore = healthy.deliveries.length
      const hangingBefore = hanging.received.length
      // The hanging target's delivery is due first, so it takes a slot before any other.
      const deliveries = await createDueDeliveries(
        [
          { kind: "hanging_hook", quantity: 1 },
          { kind: "license", quantity: 2 },
          { kind: "healthy_hook", quantity: 1 },
          { kind: "download", quantity: 1 },
          { kind: "license", quantity: 1 },
          { kind: "healthy_hook", quantity: 1 },
          { kind: "download", quantity: 1 },
          { kind: "license", quantity: 3 },
          { kind: "healthy_hook", quantity: 1 },
        ],
        new Date(Date.now() - 60_000)
      )
      const [stuck, ...others] = deliveries
      const { attempted } = await digitalDeliverySweepJob(container)
      expect(attempted).toBe(deliveries.length)

      const after = await service().retrieveDelivery(stuck.id, { relations: ["attempt_log"] })
      expect(after).toMatchObject({ status: "pending", attempts: 1, locked_until: null })
      expect(new Date(after.next_attempt_at!).getTime()).toBeGreaterThan(Date.now())
      expect(after.attempt_log).toHaveLength(1)
      expect(after.attempt_log[0]).toMatchObject({ outcome: "retry", message: expect.stringContaining(`did not answer within ${HANG_MS} ms`) })
      expect(after.last_error).toContain(`did not answer within ${HANG_MS} ms`)
      expect(hanging.received.length - hangingBefore).toBe(1)

      expect(await statusCounts(others.map((d) => d.id))).toEqual({ delivered: others.length })
      expect(healthy.deliveries.length - healthyBefore).toBe(3)
      await expectCodesIntact(others)
      // Not blocked: every other attempt started while the hanging request was still open.
      const spans = await attemptSpans(deliveries.map((d) => d.id))
      const hangingEnd = spans.find((x) => x.delivery_id === stuck.id)!.end
      expect(spans.filter((x) => x.delivery_id !== stuck.id && x.start >= hangingEnd)).toEqual([])
    })

    it("a hanging target with more deliveries queued than there are workers holds only its own slots (per_target_concurrency)", async () => {
      service().configureRemoteMethods({ timeout_ms: HANG_MS, concurrency: 4, per_target_concurrency: 2 })
      hanging.hang = true
      // Six deliveries to the hanging target are due before everything else: without a per-target
      // limit all four workers would sit on them for the whole timeout.
      const deliveries = await createDueDeliveries(
        [
          ...Array.from({ length: 6 }, () => ({ kind: "hanging_hook" as const, quantity: 1 })),
          { kind: "license", quantity: 1 },
          { kind: "download", quantity: 1 },
          { kind: "healthy_hook", quantity: 1 },
          { kind: "license", quantity: 2 },
          { kind: "download", quantity: 1 },
          { kind: "healthy_hook", quantity: 1 },
        ],
        new Date(Date.now() - 60_000)
      )
      const stuck = deliveries.slice(0, 6)
      const others = deliveries.slice(6)
      const { attempted } = await digitalDeliverySweepJob(container)
      expect(attempted).toBe(deliveries.length)
      expect(await statusCounts(stuck.map((d) => d.id))).toEqual({ pending: 6 })
      expect(await statusCounts(others.map((d) => d.id))).toEqual({ delivered: others.length })
      await expectCodesIntact(others)

      const stuckIds = new Set(stuck.map((d) => d.id))
      const spans = await attemptSpans(deliveries.map((d) => d.id))
      const hangingSpans = spans.filter((x) => stuckIds.has(x.delivery_id))
      expect(hangingSpans).toHaveLength(6)
      // Never more than two requests open at the hanging target at once…
      const open = (t: number) => hangingSpans.filter((x) => x.start <= t && t < x.end).length
      expect(Math.max(...hangingSpans.map((x) => open(x.start)))).toBeLessThanOrEqual(2)
      // …so every other delivery started while the first hanging requests were still open.
      const firstHangingEnd = Math.min(...hangingSpans.map((x) => x.end))
      expect(spans.filter((x) => !stuckIds.has(x.delivery_id) && x.start >= firstHangingEnd)).toEqual([])
    })
  },
})
