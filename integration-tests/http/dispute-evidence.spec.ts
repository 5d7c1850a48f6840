import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import type { MedusaContainer } from "@medusajs/framework/types"
import JSZip from "jszip"
import { extractText, getDocumentProxy } from "unpdf"
import { DIGITAL_DELIVERY_MODULE } from "../../src/modules/digital-delivery"
import type DigitalDeliveryModuleService from "../../src/modules/digital-delivery/service"
import { ORDER_CASE_MODULE } from "../../src/modules/order-case"
import type OrderCaseModuleService from "../../src/modules/order-case/service"
import seedDemo from "../../src/scripts/seed-demo"
import { type RconFakeHandle, startRconFake } from "../fakes/rcon-server"
import { type Api, type CheckoutPlan, createAdmin, createCustomer, type Headers, placePaidOrder, settle } from "../helpers/fixtures"

jest.setTimeout(300 * 1000)
// No scheduled jobs: the test drives what it needs.
process.env.MEDUSA_WORKER_MODE = "server"

const PLAYER = "Steve"
const CHECKOUT_IP = "198.51.100.10"
const CHECKOUT_UA = "Mozilla/5.0 (X11; Linux x86_64) EvidenceTest/1.0"
const RCON_ANSWER = "Added Steve to group vip for 30 days"

medusaIntegrationTestRunner({
  inApp: true,
  env: {},
  testSuite: ({ api: rawApi, getContainer }) => {
    const api = rawApi as Api
    let container: MedusaContainer
    let admin: Headers & { userId: string }
    let plan: CheckoutPlan
    let publishableKey: string
    let rcon: RconFakeHandle
    const variants: Record<string, string> = {}

    const deliveries = () => container.resolve<DigitalDeliveryModuleService>(DIGITAL_DELIVERY_MODULE)
    const cases = () => container.resolve<OrderCaseModuleService>(ORDER_CASE_MODULE)
    const waitFor = async (check: () => Promise<boolean>, tries = 600) => {
      for (let i = 0; i < tries && !(await check()); i++) {
        await new Promise((r) => setTimeout(r, 100))
      }
      expect(await check()).toBe(true)
    }
    const pdfText = async (bytes: Uint8Array) => {
      const { text } = await extractText(await getDocumentProxy(new Uint8Array(bytes)), { mergePages: true })
      return (text as string).replace(/\s+/g, " ")
    }
    /** Completes the cart through the store API, as a shopper's browser would. */
    const completeInStore = async (cartId: string) => {
      const res = await api.post(`/store/carts/${cartId}/complete`, {}, {
        headers: { "x-publishable-api-key": publishableKey, "user-agent": CHECKOUT_UA, "x-forwarded-for": CHECKOUT_IP },
      })
      expect(res.data.type).toBe("order")
      return res.data.order.id as string
    }

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
      const { data: keys } = await query.graph({ entity: "api_key", fields: ["token", "type", "sales_channels.id"] })
      const key = keys.find((k) => k.type === "publishable")!
      publishableKey = key.token as string
      plan = {
        region_id: regions[0].id as string,
        sales_channel_id: (key.sales_channels as { id: string }[])[0].id,
        shipping_option_ids: [options.find((o) => o.name === "Digital delivery")!.id as string],
        country_code: "dk",
      }
      rcon = await startRconFake({ password: "rcon-secret", players: [PLAYER] })
      rcon.respond = () => RCON_ANSWER
      const file = await container.resolve(Modules.FILE).createFiles({
        filename: "handbook.pdf",
        mimeType: "application/pdf",
        content: Buffer.from("%PDF-1.4 the handbook").toString("base64"),
        access: "private",
      })
      const product = (sku: string, method: string, settings: Record<string, unknown>) =>
        api.post("/admin/delivery-products", { variant_id: variants[sku], method, settings }, admin)
      await product("OOPS-EBOOK-PDF", "download", { file_ids: [file.id], file_names: { [file.id]: "handbook.pdf" }, link_lifetime_hours: 24, max_downloads: 3 })
      await product("OOPS-VIP-30", "rcon", {
        host: "127.0.0.1",
        port: rcon.port,
        password: "rcon-secret",
        command: "lp user {player} parent addtemp vip 30d",
        online_only: true,
      })
    })
    afterAll(async () => {
      await rcon.close()
    })

    it("holds the RCON command and answer, both downloads with IP and user agent, and the checkout client — in the PDF and the zip", async () => {
      const customer = await createCustomer(api, publishableKey, `evidence+${Date.now()}@example.com`)
      const placed = await placePaidOrder(
        container,
        plan,
        [
          { variant_id: variants["OOPS-VIP-30"], quantity: 1, metadata: { player: PLAYER } },
          { variant_id: variants["OOPS-EBOOK-PDF"], quantity: 1 },
        ],
        { id: customer.customerId },
        completeInStore
      )
      // Deliveries run on capture; the checkout client is recorded once the completion answered.
      await waitFor(async () => (await deliveries().listDeliveries({ order_id: placed.id })).filter((d) => d.status === "delivered").length === 2)
      await waitFor(async () => (await cases().listCheckoutContexts({ order_id: placed.id })).length === 1)
      const [checkout] = await cases().listCheckoutContexts({ order_id: placed.id })
      expect(checkout).toMatchObject({ ip: CHECKOUT_IP, user_agent: CHECKOUT_UA })
      expect(rcon.executed()).toEqual([`lp user ${PLAYER} parent addtemp vip 30d`])

      // Two downloads from two places.
      const [grant] = await deliveries().listDownloadGrants({ order_id: placed.id })
      const token = deliveries().signDownloadToken(grant.id, new Date(grant.expires_at))
      const downloads = [
        { ip: "203.0.113.7", ua: "HandbookReader/2.0 (phone)" },
        { ip: "203.0.113.99", ua: "Mozilla/5.0 DesktopBrowser/3.1" },
      ]
      for (const d of downloads) {
        const res = await api.get(`/downloads/${token}`, { headers: { "x-forwarded-for": d.ip, "user-agent": d.ua } })
        expect(res.status).toBe(200)
      }
      // A refused download (bad token) is not logged.
      expect((await settle(api.get(`/downloads/${token.slice(0, -2)}xx`, { headers: { "x-forwarded-for": "192.0.2.1" } }))).status).toBe(403)
      const logs = await deliveries().listDownloadLogs({ order_id: placed.id }, { order: { downloaded_at: "ASC" } })
      expect(logs.map((l) => [l.ip, l.user_agent])).toEqual(downloads.map((d) => [d.ip, d.ua]))

      const dispute = (
        await api.post(`/admin/orders/${placed.id}/disputes`, { amount: 10, reason: "product_not_received", evidence_due_by: "2041-03-15T00:00:00Z" }, admin)
      ).data.dispute

      const res = await api.get(`/admin/disputes/${dispute.id}/evidence`, { ...admin, responseType: "arraybuffer" } as object)
      expect(res.status).toBe(200)
      expect((res as unknown as { headers: Record<string, string> }).headers["content-type"]).toContain("application/pdf")
      const text = await pdfText(new Uint8Array(res.data as ArrayBuffer))
      const { data: [order] } = await container.resolve(ContainerRegistrationKeys.QUERY).graph({ entity: "order", fields: ["display_id", "email"], filters: { id: placed.id } })
      expect(text).toContain(`Dispute evidence — order #${order.display_id}`)
      expect(text).toContain("Product not received")
      expect(text).toContain(`IP address: ${CHECKOUT_IP}`)
      expect(text).toContain(`User agent: ${CHECKOUT_UA}`)
      // The RCON attempt: the exact command sent and the server's answer.
      expect(text).toContain(`sent command: lp user ${PLAYER} parent addtemp vip 30d`)
      expect(text).toContain(`answered output: ${RCON_ANSWER}`)
      expect(text).not.toContain("rcon-secret")
      // Both download lines, each with its IP and user agent.
      for (const d of downloads) {
        expect(text).toMatch(new RegExp(`\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2} UTC · IP ${d.ip.replace(/\./g, "\\.")} · handbook\\.pdf · ${d.ua.replace(/[().]/g, "\\$&")}`))
      }
      // The delivery instructions email, with its channel and time, and the timeline.
      // (a long address may wrap at its hyphen: compare without spaces)
      expect(text.replace(/\s/g, "")).toContain(`UTC·email·order-ops-delivery-instructions·to${order.email}`)
      expect(text).toContain("dispute.opened")

      const zipped = await api.get(`/admin/disputes/${dispute.id}/evidence?format=zip`, { ...admin, responseType: "arraybuffer" } as object)
      expect((zipped as unknown as { headers: Record<string, string> }).headers["content-type"]).toContain("application/zip")
      const zip = await JSZip.loadAsync(Buffer.from(zipped.data as ArrayBuffer))
      expect(Object.keys(zip.files).sort()).toEqual(
        [
          "customer.json",
          "digital-deliveries.json",
          "dispute.json",
          `evidence-order-${order.display_id}.pdf`,
          "notes.json",
          "notifications.json",
          "order.json",
          "shipments.json",
          "timeline.json",
        ].sort()
      )
      const dd = JSON.parse(await zip.file("digital-deliveries.json")!.async("string"))
      const rconDelivery = dd.find((d: { method: string }) => d.method === "rcon")
      expect(rconDelivery.attempts[0]).toMatchObject({ outcome: "delivered", request: { command: `lp user ${PLAYER} parent addtemp vip 30d` }, response: { output: RCON_ANSWER } })
      expect(dd.find((d: { method: string }) => d.method === "download").downloads.map((x: { ip: string }) => x.ip)).toEqual(downloads.map((d) => d.ip))
      expect(JSON.parse(await zip.file("customer.json")!.async("string")).checkout).toMatchObject({ ip: CHECKOUT_IP, user_agent: CHECKOUT_UA })
      const innerPdf = await zip.file(`evidence-order-${order.display_id}.pdf`)!.async("uint8array")
      expect(await pdfText(innerPdf)).toContain(`answered output: ${RCON_ANSWER}`)
    })

    it("answers 404 for an unknown dispute and 400 for a bad format, 401 without a session", async () => {
      expect((await settle(api.get(`/admin/disputes/odisp_nope/evidence`, admin))).status).toBe(404)
      const bad = await settle(api.get(`/admin/disputes/odisp_nope/evidence?format=docx`, admin))
      expect(bad.status).toBe(400)
      expect(bad.data.message).toContain("format")
      expect((await settle(api.get(`/admin/disputes/odisp_nope/evidence`))).status).toBe(401)
    })
  },
})
