import path from "node:path"
import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import type { MedusaContainer } from "@medusajs/framework/types"
import digitalDeliverySweepJob from "../../src/jobs/digital-delivery-sweep"
import { DIGITAL_DELIVERY_MODULE } from "../../src/modules/digital-delivery"
import type DigitalDeliveryModuleService from "../../src/modules/digital-delivery/service"
import { revokeOrderDeliveriesWorkflow } from "../../src/workflows/digital-delivery/workflows/revoke-order-deliveries"
import { runDeliveryWorkflow } from "../../src/workflows/digital-delivery/workflows/run-delivery"
import { startRconFake, type RconFakeHandle } from "../fakes/rcon-server"
import { startWebhookReceiver, WEBHOOK_FAKE_SECRET, type WebhookReceiverHandle } from "../fakes/webhook-receiver"
import { type Api, createAdmin, type Headers } from "../helpers/fixtures"
import { type MedusaExecProcess, startMedusaExec } from "../helpers/medusa-exec"

// Only the processes this file starts sweep: `server` mode registers no scheduled jobs.
process.env.MEDUSA_WORKER_MODE = "server"

jest.setTimeout(600 * 1000)

const SWEEP_WORKER = path.resolve(__dirname, "../reliability/sweep-worker.ts")
const GIVE = "lp user {player} parent add vip"
const TAKE = "lp user {player} parent remove vip"

type Knex = { raw: (sql: string, bindings?: unknown[]) => Promise<{ rows: Record<string, any>[] }> }
type Worker = MedusaExecProcess

/**
 * Exactly-once digital delivery under crashes, races and several workers:
 * real sweep worker processes (`medusa exec`) SIGKILLed at the exact points
 * that matter, real PostgreSQL, the RCON game server and webhook receiver
 * fakes on loopback.
 */
medusaIntegrationTestRunner({
  inApp: true,
  env: { LOG_LEVEL: "error" },
  testSuite: ({ api: rawApi, getContainer, dbConfig }) => {
    const api = rawApi as Api
    let container: MedusaContainer
    let admin: Headers & { userId: string }
    let rcon: RconFakeHandle
    let hook: WebhookReceiverHandle

    const service = () => container.resolve<DigitalDeliveryModuleService>(DIGITAL_DELIVERY_MODULE)
    const sql = async (text: string, bindings: unknown[] = []) =>
      (await container.resolve<Knex>(ContainerRegistrationKeys.PG_CONNECTION).raw(text, bindings)).rows
    const pause = (ms: number) => new Promise((r) => setTimeout(r, ms))
    const waitFor = async (what: string, check: () => Promise<boolean> | boolean, ms = 120_000) => {
      const until = Date.now() + ms
      while (!(await check())) {
        if (Date.now() > until) throw new Error(`timed out waiting for ${what}`)
        await pause(25)
      }
    }

    const startWorker = (name: string): Worker => startMedusaExec(SWEEP_WORKER, { database_url: dbConfig.clientUrl, name })
    const kill = async (worker: Worker, name: string) => {
      worker.child.kill("SIGKILL")
      expect(await worker.exited).toEqual({ code: null, signal: "SIGKILL" })
      // Dead for the database too: its sessions are gone (open transactions rolled back).
      await waitFor(`${name}'s sessions to end`, async () =>
        Number((await sql(`select count(*)::int as n from pg_stat_activity where application_name = ?`, [name]))[0].n) === 0
      )
    }
    /** The dead worker's lease would expire after `leaseSeconds()`; expire it now that the worker is confirmed dead. */
    const expireLease = (id: string) => sql(`update delivery set locked_until = now() - interval '1 second' where id = ? and locked_until is not null`, [id])
    const attemptLog = async (id: string) =>
      (await sql(`select kind, outcome from delivery_attempt where delivery_id = ? and deleted_at is null order by created_at, id`, [id])).map(
        (r) => `${r.kind}:${r.outcome}`
      )
    const leased = async (id: string) => (await sql(`select locked_until from delivery where id = ? and locked_until > now()`, [id])).length

    /** One order with one digital line for `method`, its delivery due a minute ago. */
    const dueDelivery = async (method: "rcon" | "webhook", productId: string, metadata: Record<string, unknown> = { player: "Steve" }) => {
      const [order] = await container.resolve(Modules.ORDER).createOrders([
        {
          currency_code: "eur",
          email: "buyer@example.com",
          items: [{ title: `${method} item`, quantity: 1, unit_price: 10, requires_shipping: false, metadata }],
        },
      ])
      const item = order.items![0]
      const delivery = await service().createDeliveries({
        order_id: order.id,
        line_item_id: item.id,
        delivery_product_id: productId,
        method,
        title: `${method} item`,
        quantity: 1,
        status: "pending",
        next_attempt_at: new Date(Date.now() - 60_000),
        idempotency_key: `msg_${item.id}`,
      })
      return { id: delivery.id as string, order_id: order.id }
    }
    let rconProduct: string
    let hookProducts: string[]

    beforeAll(async () => {
      container = getContainer()
      admin = await createAdmin(api, container)
      rcon = await startRconFake({ password: "minecraft", players: ["Steve"] })
      hook = await startWebhookReceiver()
      const [r, h1, h2] = await service().createDeliveryProducts([
        {
          variant_id: "variant_rcon",
          method: "rcon",
          settings: { host: rcon.host, port: rcon.port, password: "minecraft", command: GIVE, revoke_command: TAKE },
        },
        { variant_id: "variant_hook_1", method: "webhook", settings: { url: `${hook.url}/orders`, secret: WEBHOOK_FAKE_SECRET } },
        { variant_id: "variant_hook_2", method: "webhook", settings: { url: `${hook.url}/other`, secret: WEBHOOK_FAKE_SECRET } },
      ])
      rconProduct = r.id
      hookProducts = [h1.id, h2.id]
    })
    afterAll(async () => {
      await rcon?.close()
      await hook?.close()
    })
    beforeEach(() => {
      rcon.commands.splice(0)
      rcon.ignoreLogin = false
      rcon.hangAfterCommand = false
      rcon.respondDelayMs = 0
      hook.received.splice(0)
      hook.deliveries.splice(0)
      hook.hang = false
      hook.maxOpen = 0
    })
    afterEach(() => {
      service().configureRemoteMethods({ timeout_ms: 10_000, concurrency: 10, per_target_concurrency: 2 })
      service().overrideLeaseSecondsForTests(null)
    })

    it("(a) SIGKILL after the attempt is written as sending, before the RCON command: never sent afterwards, outcome unknown", async () => {
      const d = await dueDelivery("rcon", rconProduct)
      rcon.ignoreLogin = true // the worker connects and waits for the login answer: nothing sent yet
      const a = startWorker("dd-once-a1")
      await waitFor("the sending row", async () => (await attemptLog(d.id)).includes("deliver:sending"))
      await waitFor("the connection", () => rcon.connections > 0)
      await kill(a, "dd-once-a1")
      expect(rcon.executed()).toEqual([])
      expect(await attemptLog(d.id)).toEqual(["deliver:sending"])

      rcon.ignoreLogin = false
      await expireLease(d.id)
      const b = startWorker("dd-once-a2")
      expect(await b.exited).toEqual({ code: 0, signal: null })
      expect(rcon.executed()).toEqual([])
      expect(await attemptLog(d.id)).toEqual(["deliver:interrupted", "deliver:unknown"])
      expect(await service().retrieveDelivery(d.id)).toMatchObject({ status: "failed", outcome_unknown: true, locked_until: null })
      expect(await leased(d.id)).toBe(0)
    })

    it("(b) SIGKILL after the RCON command was sent, before its outcome: it ran once, and the delivery says outcome unknown", async () => {
      const d = await dueDelivery("rcon", rconProduct)
      rcon.hangAfterCommand = true
      const a = startWorker("dd-once-b1")
      await waitFor("the command at the server", () => rcon.executed().length === 1)
      await kill(a, "dd-once-b1")
      rcon.hangAfterCommand = false
      await expireLease(d.id)
      const b = startWorker("dd-once-b2")
      expect(await b.exited).toEqual({ code: 0, signal: null })
      expect(rcon.executed()).toEqual(["lp user Steve parent add vip"])
      expect(await attemptLog(d.id)).toEqual(["deliver:interrupted", "deliver:unknown"])
      expect(await service().retrieveDelivery(d.id)).toMatchObject({ status: "failed", outcome_unknown: true, locked_until: null })
    })

    it("(b) SIGKILL after a webhook was sent: re-sent with the same webhook-id, the receiver sees one id", async () => {
      const d = await dueDelivery("webhook", hookProducts[0])
      hook.hang = true
      const a = startWorker("dd-once-w1")
      await waitFor("the webhook at the receiver", () => hook.received.length === 1)
      await kill(a, "dd-once-w1")
      hook.hang = false
      await expireLease(d.id)
      const b = startWorker("dd-once-w2")
      expect(await b.exited).toEqual({ code: 0, signal: null })
      expect(hook.received.length).toBe(2)
      expect(new Set(hook.received.map((r) => r.id))).toEqual(new Set([`msg_${(await service().retrieveDelivery(d.id)).line_item_id}`]))
      expect(await attemptLog(d.id)).toEqual(["deliver:interrupted", "deliver:delivered"])
      expect(await service().retrieveDelivery(d.id)).toMatchObject({ status: "delivered", locked_until: null })
    })

    it("(c) SIGKILL during a revoke: the revoke command ran once, the delivery is revoked with outcome unknown, nothing leased", async () => {
      const d = await dueDelivery("rcon", rconProduct)
      await digitalDeliverySweepJob(container)
      expect(await service().retrieveDelivery(d.id)).toMatchObject({ status: "delivered" })
      await revokeOrderDeliveriesWorkflow(container).run({ input: { order_id: d.order_id, reason: "fully refunded" } })
      rcon.hangAfterCommand = true
      const a = startWorker("dd-once-c1")
      await waitFor("the revoke command at the server", () => rcon.executed().length === 2)
      await kill(a, "dd-once-c1")
      rcon.hangAfterCommand = false
      await expireLease(d.id)
      const b = startWorker("dd-once-c2")
      expect(await b.exited).toEqual({ code: 0, signal: null })
      expect(rcon.executed()).toEqual(["lp user Steve parent add vip", "lp user Steve parent remove vip"])
      expect(await attemptLog(d.id)).toEqual(["deliver:delivered", "revoke:interrupted", "revoke:unknown"])
      expect(await service().retrieveDelivery(d.id)).toMatchObject({ status: "revoked", outcome_unknown: true, revoke_next_at: null, locked_until: null })
      expect(await leased(d.id)).toBe(0)
    })

    it("a lease overrun (timeout longer than the lease, two workers): the command runs once, the late outcome is superseded", async () => {
      service().configureRemoteMethods({ timeout_ms: 6_000 })
      service().overrideLeaseSecondsForTests(1)
      const d = await dueDelivery("rcon", rconProduct)
      rcon.hangAfterCommand = true
      const first = digitalDeliverySweepJob(container)
      await waitFor("the command at the server", () => rcon.executed().length === 1)
      await pause(1_200) // the first worker's lease has run out while it still waits for the server
      const second = await digitalDeliverySweepJob(container)
      expect(second.attempted).toBe(1)
      await first
      expect(rcon.executed()).toEqual(["lp user Steve parent add vip"])
      const log = await sql(`select outcome, message from delivery_attempt where delivery_id = ? order by created_at, id`, [d.id])
      expect(log.map((r) => r.outcome)).toEqual(["superseded", "unknown"])
      expect(log[0].message).toMatch(/^Superseded/)
      expect(await service().retrieveDelivery(d.id)).toMatchObject({ status: "failed", outcome_unknown: true, attempts: 1, locked_until: null })
    })

    it("a full refund racing an attempt in flight ends revoked, with the revoke command run", async () => {
      const d = await dueDelivery("rcon", rconProduct)
      rcon.respondDelayMs = 1_500
      const attempt = digitalDeliverySweepJob(container)
      await waitFor("the command at the server", () => rcon.executed().length === 1)
      // What the refund subscriber does: record the owed revoke, try it now (the attempt holds the lease: left to the sweep).
      const { result } = await revokeOrderDeliveriesWorkflow(container).run({ input: { order_id: d.order_id, reason: "fully refunded" } })
      expect(result).toEqual([d.id])
      const now = await runDeliveryWorkflow(container).run({ input: { delivery_id: d.id, kind: "revoke", reason: "fully refunded" } })
      expect(now.result.skipped).toBe(true)
      // The attempt finishes (delivered, under its lease); the same sweep then leases the owed revoke and runs it.
      await attempt
      expect(rcon.executed()).toEqual(["lp user Steve parent add vip", "lp user Steve parent remove vip"])
      expect(await service().retrieveDelivery(d.id)).toMatchObject({ status: "revoked", revoke_next_at: null, locked_until: null })
      expect(await attemptLog(d.id)).toEqual(["deliver:delivered", "revoke:delivered"])
    })

    it("Mark as delivered while an attempt is in flight waits for the lease: 409, and the attempt's outcome stands", async () => {
      const d = await dueDelivery("rcon", rconProduct)
      rcon.respondDelayMs = 1_500
      const attempt = digitalDeliverySweepJob(container)
      await waitFor("the command at the server", () => rcon.executed().length === 1)
      const res = await api.post(`/admin/deliveries/${d.id}/mark-delivered`, { redemption_code: "HAND-1" }, admin).catch((e) => e.response)
      expect(res.status).toBe(409)
      await attempt
      expect(await service().retrieveDelivery(d.id)).toMatchObject({ status: "delivered", redemption_code: null, locked_until: null })
      expect(await attemptLog(d.id)).toEqual(["deliver:delivered"])
      const missing = await api.post(`/admin/deliveries/dlv_missing/close-revoke`, {}, admin).catch((e) => e.response)
      expect(missing.status).toBe(404)
    })

    it("a revoke failing at the outside service is retried on the schedule and shown until a person closes it", async () => {
      const d = await dueDelivery("rcon", rconProduct)
      await digitalDeliverySweepJob(container)
      await rcon.goOffline()
      try {
        await revokeOrderDeliveriesWorkflow(container).run({ input: { order_id: d.order_id, reason: "order canceled" } })
        await runDeliveryWorkflow(container).run({ input: { delivery_id: d.id, kind: "revoke", reason: "order canceled" } })
        const owed = await service().retrieveDelivery(d.id)
        expect(owed).toMatchObject({ status: "revoked", revoke_attempts: 1, last_error: expect.stringMatching(/^Revoke: RCON server unreachable/) })
        expect(new Date(owed.revoke_next_at!).getTime()).toBeGreaterThan(Date.now())
        // Due again: the sweep retries it.
        await sql(`update delivery set revoke_next_at = now() - interval '1 second' where id = ?`, [d.id])
        expect((await digitalDeliverySweepJob(container)).attempted).toBe(1)
        expect(await service().retrieveDelivery(d.id)).toMatchObject({ revoke_attempts: 2 })
        const list = await api.get(`/admin/orders/${d.order_id}/deliveries`, admin)
        expect(list.data.deliveries[0]).toMatchObject({ status: "revoked", last_error: expect.stringContaining("Revoke:") })
        const closed = await api.post(`/admin/deliveries/${d.id}/close-revoke`, {}, admin)
        expect(closed.data.delivery).toMatchObject({ revoke_next_at: null, last_error: null })
        expect((await digitalDeliverySweepJob(container)).attempted).toBe(0)
      } finally {
        await rcon.goOnline()
      }
      expect(rcon.executed()).toEqual(["lp user Steve parent add vip"])
    })

    it("two sweep processes and one slow target: never more than per_target_concurrency requests open at the target", async () => {
      // Six deliveries to one hanging webhook target (each request hangs until the 10 s timeout), two worker processes of 10 workers each.
      const ids = []
      for (let i = 0; i < 6; i++) ids.push((await dueDelivery("webhook", hookProducts[1], {})).id)
      hook.hang = true
      const a = startWorker("dd-once-p1")
      const b = startWorker("dd-once-p2")
      const [ea, eb] = await Promise.all([a.exited, b.exited])
      expect([ea, eb]).toEqual([{ code: 0, signal: null }, { code: 0, signal: null }])
      expect(hook.received.length).toBe(6)
      expect(hook.maxOpen).toBe(2)
      const rows = await sql(`select status, attempts from delivery where id = any(?)`, [ids])
      expect(rows.every((r) => r.status === "pending" && r.attempts === 1)).toBe(true)
    })

    it("compensation: when recording the outcome fails, the attempt row says interrupted, the lease is released, the delivery is as before", async () => {
      const d = await dueDelivery("webhook", hookProducts[0])
      const before = await service().retrieveDelivery(d.id)
      const spy = jest.spyOn(service(), "recordFencedAttempt").mockRejectedValueOnce(new Error("database down"))
      const { errors } = await runDeliveryWorkflow(container).run({ input: { delivery_id: d.id }, throwOnError: false })
      spy.mockRestore()
      expect(errors[0]?.error?.message).toBe("database down")
      expect(await attemptLog(d.id)).toEqual(["deliver:interrupted"])
      expect(await leased(d.id)).toBe(0)
      expect(await service().retrieveDelivery(d.id)).toMatchObject({ status: "pending", attempts: 0, next_attempt_at: before.next_attempt_at })
      // The next attempt sends again with the same webhook-id: the receiver sees one id.
      await digitalDeliverySweepJob(container)
      expect(await service().retrieveDelivery(d.id)).toMatchObject({ status: "delivered" })
      expect(new Set(hook.received.map((r) => r.id)).size).toBe(1)
    })

    it("GET /admin/delivery-methods lists the five methods from the registry, with their settings fields", async () => {
      const res = await api.get("/admin/delivery-methods", admin)
      expect(res.data.delivery_methods.map((m: { code: string }) => m.code)).toEqual(["download", "license_code", "webhook", "rcon", "discord_role"])
      const rconMethod = res.data.delivery_methods.find((m: { code: string }) => m.code === "rcon")
      expect(rconMethod).toMatchObject({ label: "RCON command", remote: true, emailed: false, resend_after_unknown: "never" })
      expect(rconMethod.settings_fields.find((f: { name: string }) => f.name === "password")).toMatchObject({ label: "RCON password", type: "secret", secret: true })
      expect(res.data.delivery_methods.filter((m: { emailed: boolean }) => m.emailed).map((m: { code: string }) => m.code)).toEqual(["download", "license_code"])
      const download = res.data.delivery_methods.find((m: { code: string }) => m.code === "download")
      expect(download.settings_fields[0]).toMatchObject({ name: "file_ids", type: "files", names_field: "file_names" })
      expect(rconMethod.settings_schema).toMatchObject({ type: "object", required: expect.arrayContaining(["host", "port", "password", "command"]) })
      await expect(api.get("/admin/delivery-methods")).rejects.toMatchObject({ response: { status: 401 } })
    })
  },
})
