import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import type { MedusaContainer } from "@medusajs/framework/types"
import digitalDeliveryFollowUpsJob from "../../src/jobs/digital-delivery-follow-ups"
import { INSTRUCTIONS_SIBLING_WAIT_SECONDS } from "../../src/modules/digital-delivery/models/follow-up"
import { DIGITAL_DELIVERY_MODULE } from "../../src/modules/digital-delivery"
import type DigitalDeliveryModuleService from "../../src/modules/digital-delivery/service"
import seedDemo from "../../src/scripts/seed-demo"
import { refreshOrderStatusWorkflow } from "../../src/workflows/order-status/workflows/refresh-order-status"
import { runDeliveryWorkflow } from "../../src/workflows/digital-delivery/workflows/run-delivery"
import { type Api, type CheckoutPlan, createAdmin, type Headers, placePaidOrder, settle } from "../helpers/fixtures"

jest.setTimeout(600 * 1000)

// No scheduled jobs in the app under test: each test runs the follow-up sweep itself.
process.env.MEDUSA_WORKER_MODE = "server"

type FollowUpRow = {
  id: string
  kind: string
  status: string
  attempts: number
  last_error: string | null
  covered_delivery_ids: string[] | null
  next_attempt_at: Date | null
}

/**
 * The follow-ups of delivered items (instructions email, order completion)
 * are durable rows, independent of each other, retried by a sweep: a store
 * without an email provider still completes its orders, a lock left by a
 * killed worker costs a retry, an event lost entirely is found by the sweep,
 * and items delivered together get one email.
 */
medusaIntegrationTestRunner({
  inApp: true,
  env: {},
  testSuite: ({ api: rawApi, getContainer }) => {
    const api = rawApi as Api
    let container: MedusaContainer
    let admin: Headers & { userId: string }
    let plan: CheckoutPlan
    let poolId: string
    const variants: Record<string, string> = {}

    const service = () => container.resolve<DigitalDeliveryModuleService>(DIGITAL_DELIVERY_MODULE)
    const waitFor = async (check: () => Promise<boolean>, tries = 600) => {
      for (let i = 0; i < tries && !(await check()); i++) {
        await new Promise((r) => setTimeout(r, 100))
      }
      expect(await check()).toBe(true)
    }
    const orderStatus = async (id: string) =>
      (await container.resolve(Modules.ORDER).listOrders({ id }, { select: ["status"] }))[0].status as string
    const followUps = async (orderId: string) =>
      (await service().listDeliveryFollowUps({ order_id: orderId })) as unknown as FollowUpRow[]
    const followUp = async (orderId: string, kind: string) => (await followUps(orderId)).find((f) => f.kind === kind)
    const instructionEmails = async (orderId: string) =>
      (await container.resolve(Modules.NOTIFICATION).listNotifications({ resource_id: orderId })).filter(
        // A failed send is recorded too (status "failure", retried under the same key): count what went out.
        (n) => n.trigger_type === "order_ops.delivery.instructions" && n.status === "success"
      )
    const allDelivered = async (orderId: string, count: number) =>
      waitFor(async () => {
        const list = await service().listDeliveries({ order_id: orderId })
        return list.length === count && list.every((d) => d.status === "delivered")
      })
    /** Makes an order's due follow-ups due now (the clock moved on) and sweeps. */
    const sweepNow = async (orderId: string) => {
      const due = (await followUps(orderId)).filter((f) => f.status === "due")
      if (due.length) {
        await service().updateDeliveryFollowUps(due.map((f) => ({ id: f.id, next_attempt_at: new Date(Date.now() - 1000), locked_until: null })))
      }
      return digitalDeliveryFollowUpsJob(container)
    }
    const order = (keys: { key: string; quantity?: number }[]) =>
      placePaidOrder(container, plan, keys.map((k) => ({ variant_id: variants[k.key], quantity: k.quantity ?? 1 })))
    const setOption = (overrides: Record<string, unknown>) => service().configureRemoteMethods(overrides)

    beforeAll(async () => {
      container = getContainer()
      admin = await createAdmin(api, container)
      await seedDemo({ container, args: [] })
      const query = container.resolve(ContainerRegistrationKeys.QUERY)
      const { data } = await query.graph({ entity: "product_variant", fields: ["id", "sku"] })
      for (const v of data) {
        variants[v.sku as string] = v.id as string
      }
      const { data: options } = await query.graph({ entity: "shipping_option", fields: ["id", "name"] })
      const { data: regions } = await query.graph({ entity: "region", fields: ["id"] })
      const { data: channels } = await query.graph({ entity: "sales_channel", fields: ["id"] })
      plan = {
        region_id: regions[0].id as string,
        sales_channel_id: channels[0].id as string,
        shipping_option_ids: [options.find((o) => o.name === "Digital delivery")!.id as string],
        country_code: "dk",
      }
      const file = await container.resolve(Modules.FILE).createFiles({
        filename: "handbook.pdf",
        mimeType: "application/pdf",
        content: Buffer.from("%PDF-1.4 the handbook").toString("base64"),
        access: "private",
      })
      const pool = (await api.post("/admin/license-pools", { name: "Seats" }, admin)).data.license_pool
      poolId = pool.id
      await api.post(`/admin/license-pools/${pool.id}/codes`, { codes: Array.from({ length: 40 }, (_, i) => `SEAT-${1000 + i}`).join("\n") }, admin)
      await api.post("/admin/delivery-products", { variant_id: variants["OOPS-LICENSE-1"], method: "license_code", settings: { pool_id: pool.id } }, admin)
      await api.post(
        "/admin/delivery-products",
        {
          variant_id: variants["OOPS-EBOOK-PDF"],
          method: "download",
          settings: { file_ids: [file.id], file_names: { [file.id]: "handbook.pdf" }, link_lifetime_hours: 24, max_downloads: 3 },
        },
        admin
      )
    })

    afterEach(() => setOption({ channel: "email", auto_complete: true }))

    it("refuses a 100,000-character license code with a 400 naming the field, writing and logging nothing", async () => {
      const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
      const logged: string[] = []
      const spies = (["error", "warn", "info", "debug", "log"] as const)
        .filter((level) => typeof (logger as unknown as Record<string, unknown>)[level] === "function")
        .map((level) =>
          jest.spyOn(logger, level as "error").mockImplementation((...args: unknown[]) => {
            logged.push(args.map((a) => (a instanceof Error ? `${a.message} ${a.stack}` : JSON.stringify(a))).join(" "))
            return undefined as never
          })
        )
      const before = (await api.get(`/admin/license-pools/${poolId}`, admin)).data.license_pool.counts
      const secret = `LEAK${"X".repeat(100_000)}`
      try {
        const res = await settle(api.post(`/admin/license-pools/${poolId}/codes`, { codes: `GOOD-1\n${secret}\nGOOD-2` }, admin))
        expect(res.status).toBe(400)
        expect(res.data.message).toContain("codes")
        expect(res.data.message).toContain("100004 characters")
        expect(JSON.stringify(res.data)).not.toContain("LEAKXXXX")
        const nul = await settle(api.post(`/admin/license-pools/${poolId}/codes`, { codes: "BAD\u0000CODE" }, admin))
        expect(nul.status).toBe(400)
        expect(nul.data.message).toContain("codes")
      } finally {
        spies.forEach((spy) => spy.mockRestore())
      }
      expect(logged.filter((line) => line.includes("LEAKXXXX"))).toEqual([])
      expect((await api.get(`/admin/license-pools/${poolId}`, admin)).data.license_pool.counts).toEqual(before)
      // A code at the limit is fine.
      const ok = await api.post(`/admin/license-pools/${poolId}/codes`, { codes: "L".repeat(500) }, admin)
      expect(ok.data.imported).toBe(1)
    })

    it("sends ONE instructions email for a download and a license code delivered together, and completes the order", async () => {
      const placed = await order([{ key: "OOPS-EBOOK-PDF" }, { key: "OOPS-LICENSE-1", quantity: 2 }])
      await allDelivered(placed.id, 2)
      await waitFor(async () => (await orderStatus(placed.id)) === "completed")
      await waitFor(async () => (await followUps(placed.id)).every((f) => f.status === "done"))
      const emails = await instructionEmails(placed.id)
      expect(emails).toHaveLength(1)
      expect((emails[0].data as { downloads: unknown[] }).downloads).toHaveLength(1)
      expect((emails[0].data as { codes: { codes: string[] }[] }).codes[0].codes).toHaveLength(2)
      // Each item's sentence is written by its delivery method.
      const items = (emails[0].data as { items: { method: string; text: string }[] }).items
      expect(items.map((i) => i.method).sort()).toEqual(["download", "license_code"])
      expect(items.find((i) => i.method === "download")!.text).toMatch(/: use the download links below; each link expires/)
      expect(items.find((i) => i.method === "license_code")!.text).toMatch(/: your license codes are below; keep them private\.$/)
      const deliveries = await service().listDeliveries({ order_id: placed.id })
      expect([...((await followUp(placed.id, "instructions"))!.covered_delivery_ids ?? [])].sort()).toEqual(deliveries.map((d) => d.id).sort())

      // Asked again (a redelivered event): nothing is sent twice.
      await service().requestFollowUps(placed.id, ["instructions", "completion"])
      await sweepNow(placed.id)
      expect(await instructionEmails(placed.id)).toHaveLength(1)
      expect((await followUps(placed.id)).map((f) => f.status)).toEqual(["done", "done"])

      // The order's delivery status is in the read model, and the Order operations list filters by it.
      const ids = async (query: string) =>
        ((await api.get(`/admin/order-ops/orders?limit=100&${query}`, admin)).data.orders as { id: string; delivery_status: string }[])
      await waitFor(async () => (await ids("delivery_status=delivered")).some((o) => o.id === placed.id))
      expect((await ids("delivery_status=failed")).map((o) => o.id)).not.toContain(placed.id)
      expect((await ids("delivery_status=none")).map((o) => o.id)).not.toContain(placed.id)
      const bad = await settle(api.get("/admin/order-ops/orders?delivery_status=lost", admin))
      expect(bad.status).toBe(400)
      expect(bad.data.message).toContain("delivery_status")
      // A delivery that fails (written as the attempt would): "failed deliveries" lists the order.
      await service().updateDeliveries({ id: deliveries[0].id, status: "failed" })
      await refreshOrderStatusWorkflow(container).run({ input: { order_ids: [placed.id] } })
      const failedOnes = await ids("delivery_status=failed&delivery_status=outcome_unknown")
      expect(failedOnes.find((o) => o.id === placed.id)).toMatchObject({ delivery_status: "failed" })
    })

    it("never gives a unit more than max_downloads, however often its links are resent; old links answer 410", async () => {
      const placed = await order([{ key: "OOPS-EBOOK-PDF" }])
      await allDelivered(placed.id, 1)
      await waitFor(async () => (await instructionEmails(placed.id)).length === 1)
      const links: string[] = [((await instructionEmails(placed.id))[0].data as { downloads: { url: string }[] }).downloads[0].url]
      const download = (url: string) => settle(api.get(url, { responseType: "arraybuffer" } as object))

      const first = await download(links[0])
      expect(first.status).toBe(200)
      expect(Buffer.from(first.data as ArrayBuffer).toString()).toBe("%PDF-1.4 the handbook")
      for (let i = 0; i < 3; i++) {
        const resent = await api.post(`/admin/orders/${placed.id}/deliveries/resend`, {}, admin)
        expect(resent.data).toMatchObject({ sent: true, downloads: 1 })
        const emails = (await instructionEmails(placed.id)).sort((a, b) => +new Date(a.created_at) - +new Date(b.created_at))
        const url = (emails[emails.length - 1].data as { downloads: { url: string; remaining_downloads: number }[] }).downloads[0]
        expect(url.remaining_downloads).toBe(2)
        expect(links).not.toContain(url.url)
        links.push(url.url)
      }
      // Every earlier link is retired.
      for (const old of links.slice(0, -1)) {
        expect((await download(old)).status).toBe(410)
      }
      // The newest one has what was left: 2 more, then 410. 3 in total, as max_downloads says.
      const latest = links[links.length - 1]
      expect((await download(latest)).status).toBe(200)
      expect((await download(latest)).status).toBe(200)
      expect((await download(latest)).status).toBe(410)
      const grants = await service().listDownloadGrants({ order_id: placed.id })
      expect(grants).toHaveLength(4)
      const live = grants.filter((g) => !g.revoked_at)
      expect(live).toHaveLength(1)
      expect(live[0]).toMatchObject({ remaining_downloads: 0, max_downloads: 3 })
    })

    it("completes a download order in a store with no email provider, and sends the email once one is there", async () => {
      // No notification provider serves this channel: every instructions email fails.
      setOption({ channel: "order-ops-no-provider" })
      const placed = await order([{ key: "OOPS-EBOOK-PDF" }])
      await allDelivered(placed.id, 1)
      await waitFor(async () => (await orderStatus(placed.id)) === "completed")
      await waitFor(async () => (await followUp(placed.id, "instructions"))?.attempts === 1)
      const failed = (await followUp(placed.id, "instructions"))!
      expect(failed).toMatchObject({ status: "due", attempts: 1 })
      expect(failed.last_error).toBeTruthy()
      // Retried later, not at once: the retry waits on the schedule.
      expect(new Date(failed.next_attempt_at!).getTime()).toBeGreaterThan(Date.now())
      // (Marking the digital items' core fulfillment delivered asks for the completion once more: wait for that run.)
      await waitFor(async () => (await followUp(placed.id, "completion"))?.status === "done")
      expect(await instructionEmails(placed.id)).toHaveLength(0)

      // A second failure is counted; then the store gets its provider back and the sweep sends it.
      await sweepNow(placed.id)
      expect(await followUp(placed.id, "instructions")).toMatchObject({ status: "due", attempts: 2 })
      setOption({ channel: "email" })
      await sweepNow(placed.id)
      expect(await followUp(placed.id, "instructions")).toMatchObject({ status: "done", last_error: null })
      expect(await instructionEmails(placed.id)).toHaveLength(1)
    })

    it("completes an order after a lock left by a killed worker: the completion is retried, not lost", async () => {
      const placedFirst = await order([{ key: "OOPS-LICENSE-1" }])
      await allDelivered(placedFirst.id, 1)
      await waitFor(async () => (await orderStatus(placedFirst.id)) === "completed")

      // Another worker "died" holding the next order's completion lock: we take it before the order exists.
      setOption({ auto_complete: false })
      const placed = await order([{ key: "OOPS-LICENSE-1" }])
      await allDelivered(placed.id, 1)
      await waitFor(async () => (await followUp(placed.id, "completion"))?.status === "done")
      expect(await orderStatus(placed.id)).toBe("pending")
      setOption({ auto_complete: true })
      const locking = container.resolve(Modules.LOCKING)
      const key = `order-ops-auto-complete:${placed.id}`
      await locking.acquire(key, { ownerId: "dead-worker", expire: 30 })
      await service().requestFollowUps(placed.id, ["completion"])
      await sweepNow(placed.id)
      const blocked = (await followUp(placed.id, "completion"))!
      expect(blocked).toMatchObject({ status: "due", attempts: 1 })
      expect(blocked.last_error).toMatch(/lock/i)
      expect(await orderStatus(placed.id)).toBe("pending")

      // The lock expires (released here): the retry completes the order.
      await locking.release(key, { ownerId: "dead-worker" })
      await sweepNow(placed.id)
      expect(await followUp(placed.id, "completion")).toMatchObject({ status: "done" })
      expect(await orderStatus(placed.id)).toBe("completed")
    })

    it("asks for an order's completion only once every one of its deliveries is delivered", async () => {
      const placed = await order([{ key: "OOPS-EBOOK-PDF" }, { key: "OOPS-LICENSE-1" }])
      await allDelivered(placed.id, 2)
      await waitFor(async () => (await followUps(placed.id)).length === 2 && (await followUps(placed.id)).every((f) => f.status === "done"))
      await service().deleteDeliveryFollowUps((await followUps(placed.id)).map((f) => f.id))
      const [first] = await service().listDeliveries({ order_id: placed.id })
      // One item still on its way, on its first attempt (as when the other one's delivered event comes first).
      await service().updateDeliveries({ id: first.id, status: "pending", attempts: 0 })
      const asked = Date.now()
      await service().requestFollowUps(placed.id, ["instructions", "completion"])
      expect((await followUps(placed.id)).map((f) => f.kind)).toEqual(["instructions"])
      // The email waits for it (one email for both), at most INSTRUCTIONS_SIBLING_WAIT_SECONDS: no run now only to defer.
      const waiting = (await followUp(placed.id, "instructions"))!
      expect(new Date(waiting.next_attempt_at!).getTime()).toBeGreaterThan(asked + (INSTRUCTIONS_SIBLING_WAIT_SECONDS - 10) * 1000)
      expect(new Date(waiting.next_attempt_at!).getTime()).toBeLessThan(Date.now() + (INSTRUCTIONS_SIBLING_WAIT_SECONDS + 10) * 1000)
      // The last one delivered: its request finds them all delivered, and the email is due at once.
      await service().updateDeliveries({ id: first.id, status: "delivered", attempts: 1 })
      await service().requestFollowUps(placed.id, ["instructions", "completion"])
      expect((await followUps(placed.id)).map((f) => f.kind).sort()).toEqual(["completion", "instructions"])
      expect(new Date((await followUp(placed.id, "instructions"))!.next_attempt_at!).getTime()).toBeLessThanOrEqual(Date.now() + 1000)
    })

    it("the workflow that delivers an item marks the order's follow-ups due itself, before any subscriber runs", async () => {
      const placed = await order([{ key: "OOPS-EBOOK-PDF" }])
      await allDelivered(placed.id, 1)
      await waitFor(async () => (await followUps(placed.id)).length === 2 && (await followUps(placed.id)).every((f) => f.status === "done"))
      await service().deleteDeliveryFollowUps((await followUps(placed.id)).map((f) => f.id))
      const [delivery] = await service().listDeliveries({ order_id: placed.id })
      await service().updateDeliveries({ id: delivery.id, status: "pending" })

      const { result } = await runDeliveryWorkflow(container).run({ input: { delivery_id: delivery.id } })
      expect(result.delivery.status).toBe("delivered")
      // Read as the workflow returns: the delivered event's subscriber has not had a turn yet.
      expect((await followUps(placed.id)).map((f) => f.kind).sort()).toEqual(["completion", "instructions"])
    })

    it("finds an order whose deliveries are all delivered but whose completion was never asked for", async () => {
      setOption({ auto_complete: false })
      const placed = await order([{ key: "OOPS-EBOOK-PDF" }])
      await allDelivered(placed.id, 1)
      await waitFor(async () => (await followUp(placed.id, "completion"))?.status === "done")
      // The event and its marker lost with a crashed worker.
      await service().deleteDeliveryFollowUps((await followUps(placed.id)).map((f) => f.id))
      setOption({ auto_complete: true })
      const { recovered } = await digitalDeliveryFollowUpsJob(container)
      expect(recovered).toBeGreaterThanOrEqual(1)
      expect(await orderStatus(placed.id)).toBe("completed")
      // Its email had gone out already: the recovered instructions follow-up sends nothing new.
      expect(await instructionEmails(placed.id)).toHaveLength(1)
    })
  },
})
