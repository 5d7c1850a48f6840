import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import type { MedusaContainer } from "@medusajs/framework/types"
import { refundPaymentWorkflow } from "@medusajs/medusa/core-flows"
import digitalDeliverySweepJob from "../../src/jobs/digital-delivery-sweep"
import { DIGITAL_DELIVERY_MODULE } from "../../src/modules/digital-delivery"
import type DigitalDeliveryModuleService from "../../src/modules/digital-delivery/service"
import seedDemo from "../../src/scripts/seed-demo"
import { placeTestOrderWorkflow } from "../../src/workflows"
import type { DeliveryDTO } from "../../src/workflows/digital-delivery/utils/types"
import {
  DISCORD_FAKE_BOT_TOKEN,
  DISCORD_FAKE_GUILD_ID,
  DISCORD_FAKE_ROLE_ID,
  type DiscordFakeHandle,
  startDiscordFake,
} from "../fakes/discord-api"
import { type RconFakeHandle, startRconFake } from "../fakes/rcon-server"
import { startWebhookReceiver, WEBHOOK_FAKE_SECRET, type WebhookReceiverHandle } from "../fakes/webhook-receiver"
import {
  type Api,
  type CheckoutPlan,
  createAdmin,
  createCustomer,
  type Headers,
  placePaidOrder,
  settle,
} from "../helpers/fixtures"

jest.setTimeout(300 * 1000)

// The app under test runs no scheduled jobs (server mode): each test drives the sweep itself,
// so a minute-boundary sweep never races a test's own sweep for the same deliveries.
process.env.MEDUSA_WORKER_MODE = "server"

const PLAYER = "Steve"

medusaIntegrationTestRunner({
  inApp: true,
  env: {},
  testSuite: ({ api: rawApi, getContainer }) => {
    const api = rawApi as Api
    let container: MedusaContainer
    let admin: Headers & { userId: string }
    let plan: CheckoutPlan
    let publishableKey: string
    const variants: Record<string, string> = {}
    let receiver: WebhookReceiverHandle
    let rcon: RconFakeHandle
    let discord: DiscordFakeHandle
    let fileId: string
    let poolId: string

    const service = () => container.resolve<DigitalDeliveryModuleService>(DIGITAL_DELIVERY_MODULE)
    const deliveriesOf = async (orderId: string) =>
      (await api.get(`/admin/orders/${orderId}/deliveries`, admin)).data.deliveries as (DeliveryDTO & {
        attempts_log: { outcome: string; message: string; kind: string; request: any }[]
        codes: { code: string; status: string }[]
        downloads: { remaining_downloads: number }[]
      })[]
    const waitFor = async (check: () => Promise<boolean>, tries = 600) => {
      for (let i = 0; i < tries && !(await check()); i++) {
        await new Promise((r) => setTimeout(r, 100))
      }
      expect(await check()).toBe(true)
    }
    const settled = async (orderId: string, count = 1) =>
      waitFor(async () => {
        const list = await service().listDeliveries({ order_id: orderId })
        return list.length >= count && list.every((d) => d.attempts > 0 || d.status === "delivered")
      })
    /** Makes every open delivery of an order due now and sweeps. */
    const sweepNow = async (orderId: string) => {
      const open = (await service().listDeliveries({ order_id: orderId })).filter((d) =>
        ["pending", "awaiting_recipient"].includes(d.status)
      )
      if (open.length) {
        await service().updateDeliveries(open.map((d) => ({ id: d.id, next_attempt_at: new Date(Date.now() - 1000) })))
      }
      await digitalDeliverySweepJob(container)
    }
    const product = (variantKey: string, method: string, settings: Record<string, unknown>) =>
      api.post("/admin/delivery-products", { variant_id: variants[variantKey], method, settings }, admin)
    const order = (items: { key: string; quantity?: number; metadata?: Record<string, unknown> }[], customerId?: string) =>
      placePaidOrder(
        container,
        plan,
        items.map((i) => ({ variant_id: variants[i.key], quantity: i.quantity ?? 1, metadata: i.metadata })),
        { id: customerId }
      )

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
      const { data: regions } = await query.graph({ entity: "region", fields: ["id", "countries.iso_2"] })
      const { data: channels } = await query.graph({ entity: "sales_channel", fields: ["id"] })
      const { data: keys } = await query.graph({ entity: "api_key", fields: ["token", "type"] })
      publishableKey = keys.find((k) => k.type === "publishable")!.token as string
      plan = {
        region_id: regions[0].id as string,
        sales_channel_id: channels[0].id as string,
        shipping_option_ids: [options.find((o) => o.name === "Digital delivery")!.id as string],
        country_code: "dk",
      }
      receiver = await startWebhookReceiver()
      rcon = await startRconFake({ password: "rcon-secret" })
      discord = await startDiscordFake()
      service().configureRemoteMethods({ discord_base_url: discord.api_base, timeout_ms: 2000 })
      const file = await container.resolve(Modules.FILE).createFiles({
        filename: "handbook.pdf",
        mimeType: "application/pdf",
        content: Buffer.from("%PDF-1.4 the handbook").toString("base64"),
        access: "private",
      })
      fileId = file.id

      // Everything the tests share is set up here, in the file's own beforeAll: the test runner
      // snapshots the database before the first test and restores that snapshot before every
      // later one, so rows a nested describe's beforeAll writes after the first test are wiped.
      const pool = (await api.post("/admin/license-pools", { name: "Seats" }, admin)).data.license_pool
      poolId = pool.id
      await api.post(`/admin/license-pools/${pool.id}/codes`, { codes: Array.from({ length: 20 }, (_, i) => `SEAT-${1000 + i}`).join("\n") }, admin)
      await product("OOPS-LICENSE-1", "license_code", { pool_id: pool.id })
      await product("OOPS-EBOOK-PDF", "download", { file_ids: [fileId], file_names: { [fileId]: "handbook.pdf" }, link_lifetime_hours: 24, max_downloads: 3 })
      await product("OOPS-VIP-30", "rcon", {
        host: "127.0.0.1",
        port: rcon.port,
        password: "rcon-secret",
        command: "lp user {player} parent addtemp vip 30d # order {display_id} x{quantity}",
        revoke_command: "lp user {player} parent remove vip",
        online_only: true,
      })
      await product("OOPS-VIP-365", "discord_role", { bot_token: DISCORD_FAKE_BOT_TOKEN, guild_id: DISCORD_FAKE_GUILD_ID, role_id: DISCORD_FAKE_ROLE_ID })
      await product("OOPS-EBOOK-EPUB", "webhook", { url: `${receiver.url}/orders`, secret: WEBHOOK_FAKE_SECRET })
    })
    afterAll(async () => {
      await receiver.close()
      await rcon.close()
      await discord.close()
    })

    describe("delivery products and license pools", () => {
      it("refuses bad settings with a 400 naming the field, writing nothing", async () => {
        const before = (await api.get("/admin/delivery-products", admin)).data.count
        const cases: [string, Record<string, unknown>, string][] = [
          ["webhook", { url: "not a url", secret: WEBHOOK_FAKE_SECRET }, "settings.url"],
          ["webhook", { url: "https://example.com/hook", secret: "plain" }, "settings.secret"],
          ["rcon", { host: "127.0.0.1", port: 70000, password: "x", command: "give {player}" }, "settings.port"],
          ["discord_role", { bot_token: "t", guild_id: "abc", role_id: DISCORD_FAKE_ROLE_ID }, "settings.guild_id"],
          ["download", { file_ids: [], link_lifetime_hours: 24, max_downloads: 3 }, "settings.file_ids"],
          ["license_code", { pool_id: "lpool_missing" }, "settings.pool_id"],
        ]
        for (const [method, settings, field] of cases) {
          const res = await settle(product("OOPS-EBOOK-EPUB", method, settings))
          expect([field, res.status]).toEqual([field, 400])
          expect(res.data.message).toContain(field)
        }
        const unknown = await settle(api.post("/admin/delivery-products", { variant_id: "variant_nope", method: "license_code", settings: { pool_id: "x" } }, admin))
        expect(unknown.status).toBe(400)
        const unregistered = await settle(product("OOPS-EBOOK-EPUB", "steam_key", {}))
        expect(unregistered.status).toBe(400)
        expect(unregistered.data.message).toContain("'download, license_code, webhook, rcon, discord_role' for field 'method'")
        expect((await api.get("/admin/delivery-products", admin)).data.count).toBe(before)
      })

      it("stores a method code as text, checked by the registry, not by the database: a new method needs no migration", async () => {
        // What a sixth method's product would write, straight to the module (the route above refuses it
        // because it is not registered here).
        const [row] = await service().createDeliveryProducts([{ variant_id: "variant_sixth_method", method: "steam_key", settings: {} }])
        expect((await service().retrieveDeliveryProduct(row.id)).method).toBe("steam_key")
        await service().deleteDeliveryProducts([row.id])
      })

      it("imports codes by paste or CSV, skipping duplicates, and counts them", async () => {
        const pool = (await api.post("/admin/license-pools", { name: "Printer app" }, admin)).data.license_pool
        const pasted = await api.post(`/admin/license-pools/${pool.id}/codes`, { codes: "AAAA-1111\nBBBB-2222\n\nAAAA-1111\n" }, admin)
        expect(pasted.data).toMatchObject({ imported: 2, skipped: 1, counts: { available: 2, assigned: 0 } })
        const csv = await api.post(`/admin/license-pools/${pool.id}/codes`, { codes: "code,note\nCCCC-3333,first\nBBBB-2222,dup\n" }, admin)
        expect(csv.data).toMatchObject({ imported: 1, skipped: 1, counts: { available: 3 } })
        const bad = await settle(api.post(`/admin/license-pools/${pool.id}/codes`, { codes: "" }, admin))
        expect(bad.status).toBe(400)
        expect(bad.data.message).toContain("codes")
        const list = await api.get("/admin/license-pools", admin)
        expect(list.data.license_pools.find((p: { id: string }) => p.id === pool.id).counts).toEqual({ available: 3, assigned: 0, revoked: 0 })
        // A pool a delivery product points at (found through the registry's license_pool fields) is kept.
        const inUse = await settle(api.delete(`/admin/license-pools/${poolId}`, admin))
        expect(inUse.status).toBe(400)
        expect(inUse.data.message).toBe(`License pool ${poolId} is used by 1 delivery product(s); change them first`)
        expect((await api.get(`/admin/license-pools/${poolId}`, admin)).status).toBe(200)
        expect((await api.delete(`/admin/license-pools/${pool.id}`, admin)).status).toBe(200)
      })

      it("masks secrets in answers and keeps them when an edit sends them back masked", async () => {
        const created = await product("OOPS-LICENSE-5", "webhook", { url: `${receiver.url}/orders`, secret: WEBHOOK_FAKE_SECRET })
        expect(created.status).toBe(201)
        expect(created.data.delivery_product.settings.secret).toMatch(/^whsec_••••/)
        const edited = await api.post(
          `/admin/delivery-products/${created.data.delivery_product.id}`,
          { settings: { ...created.data.delivery_product.settings, url: `${receiver.url}/v2/orders` } },
          admin
        )
        expect(edited.data.delivery_product.settings.url).toBe(`${receiver.url}/v2/orders`)
        const [stored] = await service().listDeliveryProducts({ id: created.data.delivery_product.id })
        expect((stored.settings as { secret: string }).secret).toBe(WEBHOOK_FAKE_SECRET)
        await api.post(`/admin/delivery-products/${created.data.delivery_product.id}`, { settings: { url: `${receiver.url}/orders`, secret: WEBHOOK_FAKE_SECRET } }, admin)
      })
    })

    describe("delivering paid orders", () => {
      it("delivers a download and license codes on capture, shows them to the owner only, and completes the order", async () => {
        const customer = await createCustomer(api, publishableKey, `owner+${Date.now()}@example.com`)
        const placed = await order([{ key: "OOPS-EBOOK-PDF" }, { key: "OOPS-LICENSE-1", quantity: 2 }], customer.customerId)
        await settled(placed.id, 2)
        const deliveries = await deliveriesOf(placed.id)
        expect(deliveries.map((d) => [d.method, d.status]).sort()).toEqual([
          ["download", "delivered"],
          ["license_code", "delivered"],
        ])
        const codes = deliveries.find((d) => d.method === "license_code")!.codes
        expect(codes).toHaveLength(2)
        expect(codes.every((c) => c.status === "assigned")).toBe(true)
        const { counts } = (await api.get(`/admin/license-pools/${poolId}`, admin)).data.license_pool
        expect(counts.assigned).toBe(2)

        // Every item delivered: Medusa's complete-order workflow ran (the admin is told to watch for it).
        expect((await api.get(`/admin/orders/${placed.id}/deliveries`, admin)).data.auto_complete).toBe(true)
        await waitFor(async () => {
          const [row] = await container.resolve(Modules.ORDER).listOrders({ id: placed.id }, { select: ["status"] })
          return row.status === "completed"
        })

        // One instructions email for both items, delivered together, through the notification module.
        await waitFor(async () => (await container.resolve(Modules.NOTIFICATION).listNotifications({ resource_id: placed.id })).length >= 1)
        expect(await container.resolve(Modules.NOTIFICATION).listNotifications({ resource_id: placed.id })).toHaveLength(1)

        const mine = await api.get(`/store/orders/${placed.id}/deliveries`, customer)
        expect(mine.status).toBe(200)
        const download = mine.data.deliveries.find((d: { method: string }) => d.method === "download")
        expect(download.downloads).toHaveLength(1)
        expect(mine.data.deliveries.find((d: { method: string }) => d.method === "license_code").codes.sort()).toEqual(codes.map((c) => c.code).sort())
        const other = await createCustomer(api, publishableKey, `other+${Date.now()}@example.com`)
        expect((await settle(api.get(`/store/orders/${placed.id}/deliveries`, other))).status).toBe(404)

        // The link works without a publishable key, counts down, and stops at zero.
        const url = download.downloads[0].url as string
        const first = await api.get(url, { responseType: "arraybuffer" } as object)
        expect(first.status).toBe(200)
        expect(Buffer.from(first.data as ArrayBuffer).toString()).toBe("%PDF-1.4 the handbook")
        const withKey = await api.get(`/store${url}`, { headers: { "x-publishable-api-key": publishableKey } } as object)
        expect(withKey.status).toBe(200)
        await api.get(url)
        expect((await settle(api.get(url))).status).toBe(410)
        // A token whose signature was changed, or one signed with another secret, is refused.
        const [payload, mac] = url.replace("/downloads/", "").split(".")
        const flipped = `${mac[0] === "A" ? "B" : "A"}${mac.slice(1)}`
        expect((await settle(api.get(`/downloads/${payload}.${flipped}`))).status).toBe(403)
        expect((await settle(api.get(`/downloads/${payload}.${mac.slice(0, -1)}${mac.endsWith("A") ? "B" : "A"}`))).status).toBe(403)
      })

      it("lets exactly 3 of 50 concurrent downloads through when 3 remain", async () => {
        const placed = await order([{ key: "OOPS-EBOOK-PDF" }])
        await settled(placed.id)
        const [delivery] = await service().listDeliveries({ order_id: placed.id })
        const [grant] = await service().listDownloadGrants({ delivery_id: delivery.id })
        expect(grant.remaining_downloads).toBe(3)
        const token = service().signDownloadToken(grant.id, new Date(grant.expires_at))
        const results = await Promise.all(Array.from({ length: 50 }, () => settle(api.get(`/downloads/${token}`))))
        expect(results.filter((r) => r.status === 200)).toHaveLength(3)
        expect(results.filter((r) => r.status === 410)).toHaveLength(47)
        expect((await service().retrieveDownloadGrant(grant.id)).remaining_downloads).toBe(0)
      })

      it("waits for an offline player, then runs the exact RCON command when they are online", async () => {
        rcon.players = []
        const placed = await order([{ key: "OOPS-VIP-30", metadata: { player: PLAYER } }])
        await settled(placed.id)
        let [delivery] = await deliveriesOf(placed.id)
        expect(delivery.status).toBe("awaiting_recipient")
        expect(delivery.next_attempt_at).toBeTruthy()
        expect(rcon.executed()).toEqual([])

        rcon.players = [PLAYER]
        await sweepNow(placed.id)
        ;[delivery] = await deliveriesOf(placed.id)
        expect(delivery.status).toBe("delivered")
        const { data: [row] } = await container.resolve(ContainerRegistrationKeys.QUERY).graph({ entity: "order", fields: ["display_id"], filters: { id: placed.id } })
        expect(rcon.executed()).toEqual([`lp user ${PLAYER} parent addtemp vip 30d # order ${row.display_id} x1`])
        expect(delivery.attempts_log.map((a) => a.outcome)).toEqual(["delivered", "awaiting_recipient"])
        expect(JSON.stringify(delivery.attempts_log)).not.toContain("rcon-secret")
      })

      it("marks a dropped RCON connection after sending as unknown outcome and never re-sends it", async () => {
        rcon.players = [PLAYER]
        rcon.dropAfterCommand = (command: string) => command !== "list"
        const placed = await order([{ key: "OOPS-VIP-30", metadata: { player: PLAYER } }])
        await settled(placed.id)
        rcon.dropAfterCommand = false
        const before = rcon.executed().length
        let [delivery] = await deliveriesOf(placed.id)
        expect(delivery).toMatchObject({ status: "failed", outcome_unknown: true, next_attempt_at: null })
        await sweepNow(placed.id)
        expect(rcon.executed().length).toBe(before)

        // A person decides: Retry now sends it again.
        const retried = await api.post(`/admin/deliveries/${delivery.id}/retry`, {}, admin)
        expect(retried.data.delivery.status).toBe("delivered")
        ;[delivery] = await deliveriesOf(placed.id)
        expect(delivery.outcome_unknown).toBe(false)
      })

      it("retries a webhook with the same webhook-id until the receiver takes it", async () => {
        receiver.respond_status = 500
        const placed = await order([{ key: "OOPS-EBOOK-EPUB" }])
        await settled(placed.id)
        let [delivery] = await deliveriesOf(placed.id)
        expect(delivery.status).toBe("pending")
        expect(delivery.last_error).toContain("500")
        receiver.respond_status = null
        await sweepNow(placed.id)
        ;[delivery] = await deliveriesOf(placed.id)
        expect(delivery.status).toBe("delivered")
        const mine = receiver.received.filter((r) => r.payload?.data?.order_id === placed.id)
        expect(mine).toHaveLength(2)
        expect(new Set(mine.map((r) => r.id)).size).toBe(1)
        expect(mine[0].payload).toMatchObject({ type: "order_ops.delivery.requested", data: { delivery_id: delivery.id, quantity: 1 } })
        expect(receiver.rejected).toHaveLength(0)
      })

      it("gives a Discord role once the member has joined, and takes roles, codes and links back on a full refund", async () => {
        const newcomer = "400000000000000004"
        const placed = await order([
          { key: "OOPS-VIP-365", metadata: { discord_user_id: newcomer } },
          { key: "OOPS-LICENSE-1" },
          { key: "OOPS-EBOOK-PDF" },
        ])
        await settled(placed.id, 3)
        let discordDelivery = (await deliveriesOf(placed.id)).find((d) => d.method === "discord_role")!
        expect(discordDelivery.status).toBe("awaiting_recipient")
        discord.addMember(newcomer)
        await sweepNow(placed.id)
        discordDelivery = (await deliveriesOf(placed.id)).find((d) => d.method === "discord_role")!
        expect(discordDelivery.status).toBe("delivered")
        expect(discord.rolesOf(newcomer)).toEqual([DISCORD_FAKE_ROLE_ID])

        const [grant] = await service().listDownloadGrants({ order_id: placed.id })
        const token = service().signDownloadToken(grant.id, new Date(grant.expires_at))
        expect((await api.get(`/downloads/${token}`)).status).toBe(200)

        const { data: [row] } = await container.resolve(ContainerRegistrationKeys.QUERY).graph({
          entity: "order",
          fields: ["payment_collections.payments.id", "payment_collections.payments.amount"],
          filters: { id: placed.id },
        })
        const payment = row.payment_collections![0]!.payments![0]!
        await refundPaymentWorkflow(container).run({ input: { payment_id: payment.id, amount: Number(payment.amount) } })
        await waitFor(async () => (await service().listDeliveries({ order_id: placed.id })).every((d) => d.status === "revoked"))
        expect(discord.rolesOf(newcomer)).toEqual([])
        expect((await settle(api.get(`/downloads/${token}`))).status).toBe(410)
        const codes = (await deliveriesOf(placed.id)).find((d) => d.method === "license_code")!.codes
        expect(codes.map((c) => c.status)).toEqual(["revoked"])
        expect((await service().listLicenseCodes({ code: codes[0].code }))[0].status).toBe("revoked")
      })

      it("marks an item delivered by hand with a code, and resends instructions with fresh links", async () => {
        rcon.players = []
        const placed = await order([{ key: "OOPS-VIP-30", metadata: { player: PLAYER } }, { key: "OOPS-EBOOK-PDF" }])
        await settled(placed.id, 2)
        const waiting = (await deliveriesOf(placed.id)).find((d) => d.method === "rcon")!
        expect(waiting.status).toBe("awaiting_recipient")
        const bad = await settle(api.post(`/admin/deliveries/${waiting.id}/mark-delivered`, { notes: "x".repeat(5001) }, admin))
        expect(bad.status).toBe(400)
        expect(bad.data.message).toContain("notes")
        const marked = await api.post(`/admin/deliveries/${waiting.id}/mark-delivered`, { redemption_code: "VIP-GIFT-9999", notes: "Applied by hand in game" }, admin)
        expect(marked.data.delivery).toMatchObject({ status: "delivered", redemption_code: "VIP-GIFT-9999", delivered_by: admin.userId })
        const again = await settle(api.post(`/admin/deliveries/${waiting.id}/mark-delivered`, {}, admin))
        expect(again.status).toBe(400)

        const [oldGrant] = await service().listDownloadGrants({ order_id: placed.id })
        const resent = await api.post(`/admin/orders/${placed.id}/deliveries/resend`, {}, admin)
        expect(resent.data).toMatchObject({ sent: true, downloads: 1 })
        const grants = await service().listDownloadGrants({ order_id: placed.id })
        expect(grants.map((g) => g.id)).toContain(oldGrant.id)
        expect(grants).toHaveLength(2)
        const notifications = await container.resolve(Modules.NOTIFICATION).listNotifications({ resource_id: placed.id })
        const last = notifications.find((n) => (n.data as any)?.notes?.length)
        expect(last?.data).toMatchObject({ notes: [expect.objectContaining({ redemption_code: "VIP-GIFT-9999" })] })
      })

      it("runs a test order's outside-service deliveries as dry runs: logged, nothing sent", async () => {
        rcon.players = [PLAYER]
        const before = { rcon: rcon.executed().length, hooks: receiver.received.length, discord: discord.requests.length }
        const { result } = await placeTestOrderWorkflow(container).run({
          input: {
            payment: "paid",
            items: [
              { variant_id: variants["OOPS-VIP-30"], quantity: 1 },
              { variant_id: variants["OOPS-VIP-365"], quantity: 1 },
              { variant_id: variants["OOPS-EBOOK-EPUB"], quantity: 1 },
            ],
          },
        })
        await settled(result.order.id, 3)
        const deliveries = await deliveriesOf(result.order.id)
        expect(deliveries.every((d) => d.is_dry_run && d.status === "delivered")).toBe(true)
        expect(deliveries.map((d) => d.attempts_log[0].outcome)).toEqual(["dry_run", "dry_run", "dry_run"])
        expect(rcon.executed().length).toBe(before.rcon)
        expect(receiver.received.length).toBe(before.hooks)
        expect(discord.requests.length).toBe(before.discord)
      })

      it("rolls back Mark as delivered when its timeline write fails (compensation)", async () => {
        rcon.players = []
        const placed = await order([{ key: "OOPS-VIP-30", metadata: { player: PLAYER } }])
        await settled(placed.id)
        const [waiting] = await service().listDeliveries({ order_id: placed.id })
        const activity = container.resolve("order_activity") as { createOrderActivities: (...a: unknown[]) => Promise<unknown> }
        const spy = jest.spyOn(activity, "createOrderActivities").mockRejectedValueOnce(new Error("timeline down"))
        const res = await settle(api.post(`/admin/deliveries/${waiting.id}/mark-delivered`, { redemption_code: "X-1" }, admin))
        spy.mockRestore()
        expect(res.status).toBeGreaterThanOrEqual(400)
        const after = await service().retrieveDelivery(waiting.id, { relations: ["attempt_log"] })
        expect(after).toMatchObject({ status: "awaiting_recipient", redemption_code: null })
        expect(after.attempt_log.filter((a) => a.kind === "manual")).toHaveLength(0)
      })
    })

  },
})
