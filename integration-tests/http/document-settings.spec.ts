import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import type { MedusaContainer } from "@medusajs/framework/types"
import { Modules } from "@medusajs/framework/utils"
import { extractText, getDocumentProxy } from "unpdf"
import { TEST_ORDER_MODULE } from "../../src/modules/test-order"
import type TestOrderModuleService from "../../src/modules/test-order/service"
import { refreshOrderStatusWorkflow } from "../../src/workflows/order-status/workflows/refresh-order-status"
import { type Api, createAdmin, type Headers, settle } from "../helpers/fixtures"

process.env.MEDUSA_WORKER_MODE = "server"

jest.setTimeout(300 * 1000)

/** A 1×1 PNG. */
const PNG = "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg=="

medusaIntegrationTestRunner({
  inApp: true,
  env: { LOG_LEVEL: "error" },
  testSuite: ({ api: rawApi, getContainer }) => {
    const api = rawApi as Api
    let container: MedusaContainer
    let admin: Headers & { userId: string }
    const orderIds: string[] = []

    const textOf = async (url: string) => {
      const bytes = new Uint8Array((await api.get(url, { ...admin, responseType: "arraybuffer" })).data)
      const { text } = await extractText(await getDocumentProxy(bytes), { mergePages: true })
      return text as string
    }
    const settings = async () => (await api.get("/admin/order-ops/settings/documents", admin)).data.settings
    const save = (body: Record<string, unknown>) => settle(api.post("/admin/order-ops/settings/documents", body, admin))

    beforeAll(async () => {
      container = getContainer()
      admin = await createAdmin(api, container, "documents-admin@order-ops.test")
      const created = await container.resolve(Modules.ORDER).createOrders(
        Array.from({ length: 3 }, (_, i) => ({
          currency_code: "eur",
          email: `doc+${i}@example.com`,
          shipping_address: { first_name: "Zoë", last_name: "Ørsted", address_1: "Kastrupvej 1", city: "København", postal_code: "2300", country_code: "dk" },
          items: [{ title: "Mug", variant_sku: `MUG-${i}`, quantity: 1, unit_price: 10 }],
        }))
      )
      orderIds.push(...created.map((o) => o.id))
      // Flagged the way the plugin's test orders are (a test_order row), before the
      // statuses are computed: the status heal job recomputes is_test from that row.
      await container.resolve<TestOrderModuleService>(TEST_ORDER_MODULE).createTestOrders(
        [orderIds[2]].map((order_id) => ({ order_id, payment_state: "paid" as const }))
      )
      await refreshOrderStatusWorkflow(container).run({ input: { order_ids: orderIds } })
    })

    it("bad input is a 400 naming the field, and nothing is written", async () => {
      const text = await container.resolve(Modules.FILE).createFiles({ filename: "logo.txt", mimeType: "text/plain", content: Buffer.from("not an image").toString("base64") })
      const cases: [Record<string, unknown>, string][] = [
        [{ invoice_prefix: "A B" }, "invoice_prefix"],
        [{ invoice_prefix: "TEST-X" }, "invoice_prefix"],
        [{ next_invoice_number: 0 }, "next_invoice_number"],
        [{ next_invoice_number: 1.5 }, "next_invoice_number"],
        [{ tax_ids: "VAT 1" }, "tax_ids"],
        [{ tax_ids: Array.from({ length: 11 }, (_, i) => `T${i}`) }, "tax_ids"],
        [{ store_name: "x".repeat(201) }, "store_name"],
        [{ colour: "red" }, "colour"],
        [{ store_name: "Kept out", logo_file_id: "file_nope" }, "logo_file_id"],
        [{ store_name: "Kept out", logo_file_id: text.id }, "logo_file_id"],
      ]
      for (const [body, field] of cases) {
        const res = await save(body)
        expect(res.status).toBe(400)
        expect(JSON.stringify(res.data)).toContain(field)
      }
      expect(await settings()).toMatchObject({ store_name: null, invoice_prefix: "INV-", next_invoice_number: 1, tax_ids: [], logo_file_id: null })
    })

    it("documents print the seller's name, address, tax ids and logo; the prefix and next number apply to the next invoice; the number never moves back", async () => {
      const logo = await container.resolve(Modules.FILE).createFiles({ filename: "logo.png", mimeType: "image/png", content: PNG })
      const saved = await save({
        store_name: "Boutique Éclair",
        address: "Rue de Rivoli 1\n75001 Paris",
        tax_ids: ["TVA FR12345678901"],
        logo_file_id: logo.id,
        invoice_prefix: "F-",
        next_invoice_number: 100,
      })
      expect(saved.status).toBe(200)
      expect(saved.data.settings).toMatchObject({ store_name: "Boutique Éclair", invoice_prefix: "F-", next_invoice_number: 100, logo_file_id: logo.id, logo_url: expect.any(String) })

      const invoice = (await api.post(`/admin/orders/${orderIds[0]}/invoice`, {}, admin)).data.invoice
      expect(invoice.display_number).toBe("F-000100")
      const text = await textOf(invoice.file_url)
      for (const expected of ["Boutique Éclair", "Rue de Rivoli 1", "75001 Paris", "TVA FR12345678901", "F-000100"]) {
        expect(text).toContain(expected)
      }
      const slip = await textOf(`/admin/orders/${orderIds[1]}/packing-slip`)
      expect(slip).toContain("Boutique Éclair")
      expect(slip).toContain("Rue de Rivoli 1")
      // Test orders: their own series, the prefix with TEST- in front.
      expect((await api.post(`/admin/orders/${orderIds[2]}/invoice`, {}, admin)).data.invoice.display_number).toBe("TEST-F-000001")

      expect((await settings()).next_invoice_number).toBe(101)
      const back = await save({ next_invoice_number: 100 })
      expect(back.status).toBe(400)
      expect(back.data.message).toContain("next_invoice_number")
      // Nothing else in that request was written.
      const mixed = await save({ store_name: "Not saved", next_invoice_number: 99 })
      expect(mixed.status).toBe(400)
      expect((await settings()).store_name).toBe("Boutique Éclair")
      expect((await save({ next_invoice_number: 101 })).status).toBe(200)

      // Changing the settings never changes an issued invoice.
      const before = Buffer.from((await api.get(invoice.file_url, { ...admin, responseType: "arraybuffer" })).data)
      expect((await save({ store_name: "Renamed", logo_file_id: null })).status).toBe(200)
      const after = Buffer.from((await api.get(invoice.file_url, { ...admin, responseType: "arraybuffer" })).data)
      expect(after.equals(before)).toBe(true)
      expect((await api.post(`/admin/orders/${orderIds[1]}/invoice`, {}, admin)).data.invoice.display_number).toBe("F-000101")
    })
  },
})
