import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import type { MedusaContainer } from "@medusajs/framework/types"
import { Modules } from "@medusajs/framework/utils"
import { extractText, getDocumentProxy } from "unpdf"
import { TEST_ORDER_MODULE } from "../../src/modules/test-order"
import type TestOrderModuleService from "../../src/modules/test-order/service"
import { refreshOrderStatusWorkflow } from "../../src/workflows/order-status/workflows/refresh-order-status"
import { type Api, createAdmin, type Headers, settle } from "../helpers/fixtures"

jest.setTimeout(300 * 1000)

medusaIntegrationTestRunner({
  inApp: true,
  env: { LOG_LEVEL: "error" },
  testSuite: ({ api: rawApi, getContainer }) => {
    const api = rawApi as Api
    let container: MedusaContainer
    let admin: Headers & { userId: string }
    const orderIds: string[] = []

    const pdf = async (url: string) => Buffer.from((await api.get(url, { ...admin, responseType: "arraybuffer" })).data)
    const textOf = async (bytes: Buffer) => {
      const { text } = await extractText(await getDocumentProxy(new Uint8Array(bytes)), { mergePages: true })
      return text as string
    }

    beforeAll(async () => {
      container = getContainer()
      admin = await createAdmin(api, container, "invoice-admin@order-ops.test")
      const created = await container.resolve(Modules.ORDER).createOrders(
        Array.from({ length: 22 }, (_, i) => ({
          currency_code: "eur",
          email: `buyer+${i}@example.com`,
          billing_address: { first_name: "Zoë", last_name: "Ørsted", address_1: "Kastrupvej 1", city: "København", postal_code: "2300", country_code: "dk" },
          items: [{ title: "Crème brûlée mug", variant_sku: `MUG-${i}`, quantity: 2, unit_price: 12.5 }],
        }))
      )
      orderIds.push(...created.map((o) => o.id))
      // Flagged the way the plugin's test orders are (a test_order row), before the
      // statuses are computed: the status heal job recomputes is_test from that row.
      await container.resolve<TestOrderModuleService>(TEST_ORDER_MODULE).createTestOrders(
        orderIds.slice(20).map((order_id) => ({ order_id, payment_state: "paid" as const }))
      )
      await refreshOrderStatusWorkflow(container).run({ input: { order_ids: orderIds } })
    })

    it("20 concurrent issues get 20 consecutive numbers, none shared, none skipped", async () => {
      const results = await Promise.all(orderIds.slice(0, 20).map((id) => api.post(`/admin/orders/${id}/invoice`, {}, admin)))
      const numbers = results.map((r) => r.data.invoice.number as number).sort((a, b) => a - b)
      expect(numbers).toEqual(Array.from({ length: 20 }, (_, i) => i + 1))
      expect(results.map((r) => r.data.invoice.display_number).sort()).toEqual(
        Array.from({ length: 20 }, (_, i) => `INV-${String(i + 1).padStart(6, "0")}`)
      )
      // Issuing again, even concurrently, returns the same invoices and takes no number.
      const again = await Promise.all(orderIds.slice(0, 3).flatMap((id) => [api.post(`/admin/orders/${id}/invoice`, {}, admin), api.post(`/admin/orders/${id}/invoice`, {}, admin)]))
      expect(new Set(again.map((r) => r.data.invoice.id)).size).toBe(3)
      const next = await api.post(`/admin/orders/${orderIds[20]}/invoice`, {}, admin)
      expect(next.data.invoice.series).toBe("test")
    })

    it("an issued invoice is stored and immutable: opened twice byte-identical, even after the order changed", async () => {
      const { data } = await api.post(`/admin/orders/${orderIds[0]}/invoice`, {}, admin)
      const first = await pdf(data.invoice.file_url)
      const text = await textOf(first)
      expect(text).toContain(data.invoice.display_number)
      expect(text).toContain("Crème brûlée mug")
      expect(text).toContain("Zoë Ørsted")
      await container.resolve(Modules.ORDER).updateOrders(orderIds[0], { email: "changed@example.com" })
      const second = await pdf((await api.get(`/admin/orders/${orderIds[0]}/invoice`, admin)).data.invoice.file_url)
      expect(second.equals(first)).toBe(true)
      expect(await textOf(second)).not.toContain("changed@example.com")
    })

    it("test orders get TEST invoices from their own series", async () => {
      const a = (await api.post(`/admin/orders/${orderIds[21]}/invoice`, {}, admin)).data.invoice
      const b = (await api.post(`/admin/orders/${orderIds[20]}/invoice`, {}, admin)).data.invoice
      expect([a.series, b.series]).toEqual(["test", "test"])
      expect([a.display_number, b.display_number].sort()).toEqual(["TEST-INV-000001", "TEST-INV-000002"])
      const text = await textOf(await pdf(a.file_url))
      expect(text).toContain("TEST Invoice")
      expect(text).toContain("NOT A VALID INVOICE")
    })

    it("answers 404 for an unknown order or invoice, and for an order without one; 401 without an admin", async () => {
      expect((await settle(api.post("/admin/orders/order_nope/invoice", {}, admin))).status).toBe(404)
      // Every test starts from the first test's snapshot: no invoice was issued yet.
      expect((await settle(api.get(`/admin/orders/${orderIds[19]}/invoice`, admin))).status).toBe(404)
      expect((await settle(api.post(`/admin/orders/${orderIds[19]}/invoice`, {}))).status).toBe(401)
      expect((await settle(api.get("/admin/order-ops/invoices/oinv_nope/file", admin))).status).toBe(404)
    })
  },
})
