import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import type { MedusaContainer } from "@medusajs/framework/types"
import { Modules } from "@medusajs/framework/utils"
import { extractText, getDocumentProxy } from "unpdf"
import { runDocumentJobs } from "../../src/jobs/document-job-sweep"
import { SHIPMENT_MODULE } from "../../src/modules/shipment"
import type ShipmentModuleService from "../../src/modules/shipment/service"
import { refreshOrderStatusWorkflow } from "../../src/workflows/order-status/workflows/refresh-order-status"
import { type Api, createAdmin, type Headers, settle } from "../helpers/fixtures"

// Only this file runs the document sweep: `server` mode registers no scheduled jobs.
process.env.MEDUSA_WORKER_MODE = "server"

jest.setTimeout(300 * 1000)

const textOf = async (pdf: Buffer) => {
  const doc = await getDocumentProxy(new Uint8Array(pdf))
  const { text } = await extractText(doc, { mergePages: true })
  return { text: text as string, pages: doc.numPages }
}

medusaIntegrationTestRunner({
  inApp: true,
  env: { LOG_LEVEL: "error" },
  testSuite: ({ api: rawApi, getContainer }) => {
    const api = rawApi as Api
    let container: MedusaContainer
    let admin: Headers & { userId: string }
    const orders: { id: string; display_id: number; items: { id: string; title: string }[] }[] = []
    let shipmentId: string

    const pdf = async (url: string) => {
      const res = await api.get(url, { ...admin, responseType: "arraybuffer" })
      expect((res as unknown as { headers: Record<string, string> }).headers["content-type"]).toContain("application/pdf")
      return Buffer.from(res.data)
    }

    beforeAll(async () => {
      container = getContainer()
      admin = await createAdmin(api, container, "slips-admin@order-ops.test")
      const storeModule = container.resolve(Modules.STORE)
      const [store] = await storeModule.listStores({}, { take: 1 })
      await storeModule.updateStores(store.id, { name: "Boutique Éclair" })
      const created = await container.resolve(Modules.ORDER).createOrders(
        Array.from({ length: 4 }, (_, i) => ({
          currency_code: "eur",
          email: `zoë+${i}@example.com`,
          metadata: i === 0 ? { customer_note: "Bitte klingeln — спасибо" } : {},
          shipping_address: { first_name: "Zoë", last_name: `Łukasiewicz ${i}`, address_1: "Ulica Żółta 5", postal_code: "00-001", city: "Warszawa", country_code: "pl" },
          items: [
            { title: "Crème brûlée mug", product_title: "Crème brûlée mug", variant_title: "Bleu", variant_sku: `MUG-${i}`, quantity: 2 + i, unit_price: 12 },
            { title: "Футболка", product_title: "Футболка", variant_title: "XL", variant_sku: `TEE-${i}`, quantity: 1, unit_price: 20 },
          ],
        }))
      )
      for (const o of created) {
        orders.push({ id: o.id, display_id: o.display_id, items: (o.items ?? []).map((i) => ({ id: i.id, title: i.title })) })
      }
      await refreshOrderStatusWorkflow(container).run({ input: { order_ids: created.map((o) => o.id) } })
      const tee = orders[0].items.find((i) => i.title === "Футболка")!
      const [shipment] = await container.resolve<ShipmentModuleService>(SHIPMENT_MODULE).createShipments([
        {
          order_id: orders[0].id,
          shipping_point: "local" as const,
          carrier: "sandbox",
          tracking_number: "TRK-1",
          // The model keeps items as JSON: [{ line_item_id, title, quantity }].
          items: [{ line_item_id: tee.id, title: tee.title, quantity: 1 }] as unknown as Record<string, unknown>,
        },
      ])
      shipmentId = shipment.id
    })

    it("an order's packing slip lists every item with SKU, variant and quantity, the ship-to address and the customer's note", async () => {
      const { text, pages } = await textOf(await pdf(`/admin/orders/${orders[0].id}/packing-slip`))
      expect(pages).toBe(1)
      for (const expected of [
        "Boutique Éclair",
        "Packing slip",
        `Order #${orders[0].display_id}`,
        "Zoë Łukasiewicz 0",
        "Ulica Żółta 5",
        "00-001 Warszawa",
        "Crème brûlée mug — Bleu",
        "Футболка — XL",
        "Bitte klingeln — спасибо",
      ]) {
        expect(text).toContain(expected)
      }
      expect(text).toMatch(/2\s+MUG-0/)
      expect(text).toMatch(/1\s+TEE-0/)
    })

    it("a shipment's packing slip lists only that shipment's items", async () => {
      const { text } = await textOf(await pdf(`/admin/shipments/${shipmentId}/packing-slip`))
      expect(text).toContain(`Order #${orders[0].display_id}`)
      expect(text).toContain(`Shipment ${shipmentId}`)
      expect(text).toMatch(/1\s+TEE-0/)
      expect(text).not.toContain("MUG-0")
    })

    it("answers 404 for an unknown order or shipment, 401 without an admin", async () => {
      expect((await settle(api.get("/admin/orders/order_nope/packing-slip", admin))).status).toBe(404)
      expect((await settle(api.get("/admin/shipments/shp_nope/packing-slip", admin))).status).toBe(404)
      expect((await settle(api.get(`/admin/orders/${orders[0].id}/packing-slip`))).status).toBe(401)
    })

    it("bulk: three selected orders become one merged PDF in the worker, with progress", async () => {
      const chosen = orders.slice(1, 4).map((o) => o.id)
      const res = await api.post("/admin/order-ops/packing-slips", { order_ids: chosen }, admin)
      expect(res.status).toBe(202)
      expect(res.data.job).toMatchObject({ kind: "packing_slips", status: "pending", download_url: null })
      expect((await settle(api.get(`/admin/order-ops/packing-slips/${res.data.job.id}/file`, admin))).status).toBe(409)
      expect((await runDocumentJobs(container, { page_size: 2 })).ran).toEqual([res.data.job.id])
      const job = (await api.get(`/admin/order-ops/packing-slips/${res.data.job.id}`, admin)).data.job
      expect(job).toMatchObject({ status: "completed", progress_done: 3, progress_total: 3, download_url: `/admin/order-ops/packing-slips/${job.id}/file` })
      const { text, pages } = await textOf(await pdf(job.download_url))
      expect(pages).toBe(3)
      for (const o of orders.slice(1, 4)) {
        expect(text).toContain(`Order #${o.display_id}`)
      }
      expect(text).not.toContain(`Order #${orders[0].display_id}`)
    })

    it("bulk: refuses bad input naming the field", async () => {
      const bad = await settle(api.post("/admin/order-ops/packing-slips", { order_ids: [] }, admin))
      expect(bad.status).toBe(400)
      expect(bad.data.message).toContain("order_ids")
      const badFilter = await settle(api.post("/admin/order-ops/packing-slips", { filters: { payment_status: "lost" } }, admin))
      expect(badFilter.status).toBe(400)
      expect(badFilter.data.message).toContain("filters.payment_status")
    })
  },
})
