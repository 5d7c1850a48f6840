import path from "node:path"
import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import type { MedusaContainer } from "@medusajs/framework/types"
import labelFollowUpJob from "../../src/jobs/label-follow-up"
import { SHIPMENT_MODULE } from "../../src/modules/shipment"
import type ShipmentModuleService from "../../src/modules/shipment/service"
import { ShippoCarrierClient } from "../../src/modules/shipment/carriers"
import type { ShippingLabelDTO } from "../../src/types"
import { PURCHASE_WINDOW_MS } from "../../src/workflows/labels/utils/ledger"
import { SHIPPO_FAKE_API_KEY, type ShippoFakeHandle, startShippoFake } from "../fakes/shippo-server"
import { type Api, createAdmin, createShippableOrder, createWarehouse, type Headers } from "../helpers/fixtures"
import { startMedusaExec } from "../helpers/medusa-exec"

// The scheduled follow-up would run inside the test app on its own clock;
// this file runs it by hand at the instants it chooses.
process.env.MEDUSA_WORKER_MODE = "server"

jest.setTimeout(300 * 1000)

const LABEL_BUYER = path.resolve(__dirname, "../reliability/label-buyer.ts")

const US_FROM = {
  name: "Order Ops Warehouse",
  street1: "215 Clayton St",
  city: "San Francisco",
  state: "CA",
  postal_code: "94117",
  country_code: "US",
  phone: "4155550100",
}
const US_TO = {
  name: "Ada Lovelace",
  street1: "1 Market St",
  city: "San Francisco",
  state: "CA",
  postal_code: "94105",
  country_code: "US",
  email: "ada@example.com",
}
const BOX = { length: 20, width: 15, height: 10, distance_unit: "cm", weight: 1.2, mass_unit: "kg" }

medusaIntegrationTestRunner({
  inApp: true,
  env: { LOG_LEVEL: "error" },
  testSuite: ({ api: rawApi, getContainer, dbConfig }) => {
    const api = rawApi as Api
    let container: MedusaContainer
    let admin: Headers & { userId: string }
    let shippo: ShippoFakeHandle

    const service = () => container.resolve<ShipmentModuleService>(SHIPMENT_MODULE)

    /** Another server process, `medusa exec` of the label buyer against this test's database. */
    const startBuyer = (input: Record<string, unknown>) =>
      startMedusaExec(LABEL_BUYER, {
        database_url: dbConfig.clientUrl,
        name: "label-buyer",
        env: { SHIPPO_API_KEY: SHIPPO_FAKE_API_KEY, SHIPPO_BASE_URL: shippo.url, ORDER_OPS_BUY_INPUT: JSON.stringify(input) },
      })

    beforeAll(async () => {
      shippo = await startShippoFake()
    })
    afterAll(async () => {
      await shippo.close()
    })

    beforeEach(async () => {
      container = getContainer()
      admin = await createAdmin(api, container)
      service().setCarrier(new ShippoCarrierClient({ api_key: SHIPPO_FAKE_API_KEY, base_url: shippo.url, webhooks: true }))
    })

    it("a server SIGKILLed after Shippo sold the label and before the ledger write: within the window the label is found by our key and voided, and the same key answers with it", async () => {
      const warehouse = await createWarehouse(container)
      const order = await createShippableOrder(container, warehouse)
      const tee = order.items.find((i) => i.title === "Tee")!.id
      const request = { items: [{ line_item_id: tee, quantity: 2 }], parcels: [BOX], from: US_FROM, to: US_TO }
      const rates = await api.post(`/admin/orders/${order.id}/rates`, { ...request, carrier: "shippo" }, admin)
      expect(rates.status).toBe(200)
      const rate = rates.data.rates[0]
      const key = "crash-test-purchase-0001"

      const buyer = startBuyer({ ...request, order_id: order.id, carrier: "shippo", rate, idempotency_key: key, actor_id: admin.userId })
      // The carrier charges, then the buying server dies before it hears back.
      shippo.state.after_sale = () => {
        buyer.child.kill("SIGKILL")
      }
      expect(await buyer.exited).toEqual({ code: null, signal: "SIGKILL" })
      shippo.state.after_sale = null
      expect(buyer.lines).toContain("ready")
      expect(buyer.lines.some((l) => l.startsWith("bought"))).toBe(false)
      expect(shippo.state.label_purchases).toBe(1)
      const sold = [...shippo.state.transactions.values()][0]
      // Our key travelled with the purchase, where Shippo keeps a reference.
      expect(sold.metadata).toBe(key)

      // The ledger row was written before the carrier was asked, with a time to look again.
      const [claimed] = (await service().listShippingLabels({ idempotency_key: key })) as unknown as ShippingLabelDTO[]
      expect(claimed).toMatchObject({ status: "purchasing", provider_label_id: null, order_id: order.id })
      const checkAt = new Date(claimed.next_check_at!).getTime()
      expect(checkAt - new Date(claimed.created_at).getTime()).toBeLessThanOrEqual(PURCHASE_WINDOW_MS + 5_000)

      // Restarted (this app), inside the window: the same key is still being settled.
      const early = await api
        .post(`/admin/orders/${order.id}/labels`, { ...request, carrier: "shippo", rate, idempotency_key: key }, admin)
        .catch((e) => e.response)
      expect(early.status).toBe(409)
      expect(await labelFollowUpJob(container, { now: new Date(checkAt - 1_000) })).toEqual({ checked: 0, failed: 0 })

      // The window has passed: the follow-up asks Shippo for a label under our key, finds it, and voids it.
      expect(await labelFollowUpJob(container, { now: new Date(checkAt + 1_000) })).toEqual({ checked: 1, failed: 0 })
      const label = (await service().retrieveShippingLabel(claimed.id)) as unknown as ShippingLabelDTO
      expect(label).toMatchObject({
        status: "voided",
        provider_label_id: sold.object_id,
        tracking_number: sold.tracking_number,
        shipment_id: null,
      })
      expect(label.error).toMatch(/interrupted.*voided by reconciliation/)
      expect(label.refund_status).not.toBe("none")
      const refunds = [...shippo.state.refunds.values()]
      expect(refunds.map((r) => r.transaction)).toEqual([sold.object_id])
      const lookup = shippo.requests.find((r) => r.method === "GET" && r.path === "/transactions")
      expect(lookup).toBeDefined()

      // A new request with the same key answers with that label, buying nothing.
      const again = await api.post(`/admin/orders/${order.id}/labels`, { ...request, carrier: "shippo", rate, idempotency_key: key }, admin)
      expect(again.status).toBe(200)
      expect(again.data.label).toMatchObject({ id: claimed.id, status: "voided", tracking_number: sold.tracking_number })
      expect(shippo.state.label_purchases).toBe(1)
    })

    it("a purchase that died before the carrier sold anything frees its key after the window, and the key then buys once", async () => {
      const warehouse = await createWarehouse(container)
      const order = await createShippableOrder(container, warehouse)
      const tee = order.items.find((i) => i.title === "Tee")!.id
      const request = { items: [{ line_item_id: tee, quantity: 1 }], parcels: [BOX], from: US_FROM, to: US_TO }
      const rate = (await api.post(`/admin/orders/${order.id}/rates`, { ...request, carrier: "shippo" }, admin)).data.rates[0]
      const key = "crash-test-purchase-0002"
      // What a process that died right after its claim leaves behind.
      const claimedAt = new Date()
      const [row] = (await service().createShippingLabels([
        {
          order_id: order.id,
          carrier: "shippo",
          rate_id: rate.rate_id,
          provider_shipment_id: rate.provider_shipment_id,
          amount: rate.amount,
          currency_code: rate.currency_code,
          status: "purchasing",
          idempotency_key: key,
          attempts: 1,
          next_check_at: new Date(claimedAt.getTime() + PURCHASE_WINDOW_MS),
        },
      ])) as unknown as ShippingLabelDTO[]
      const before = shippo.state.label_purchases

      await labelFollowUpJob(container, { now: new Date(claimedAt.getTime() + PURCHASE_WINDOW_MS + 1_000) })
      expect(await service().retrieveShippingLabel(row.id)).toMatchObject({ status: "failed", next_check_at: null })

      const bought = await api.post(`/admin/orders/${order.id}/labels`, { ...request, carrier: "shippo", rate, idempotency_key: key }, admin)
      expect(bought.status).toBe(201)
      expect(bought.data.label).toMatchObject({ id: row.id, status: "purchased" })
      expect(shippo.state.label_purchases).toBe(before + 1)
    })
  },
})
