import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import type { MedusaContainer } from "@medusajs/framework/types"
import { PDFDocument } from "pdf-lib"
import labelFollowUpJob from "../../src/jobs/label-follow-up"
import carrierWebhookSweepJob from "../../src/jobs/carrier-webhook-sweep"
import { CARRIER_WEBHOOK_DRAIN_PARTITIONS, drainCarrierWebhooks } from "../../src/workflows/labels/utils/drain-carrier-webhooks"
import { webhookPartitionSlot } from "../../src/modules/shipment/webhook-partitions"
import { createStep, createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { ORDER_ACTIVITY_MODULE } from "../../src/modules/order-activity"
import { ORDER_STATUS_MODULE } from "../../src/modules/order-status"
import type OrderStatusModuleService from "../../src/modules/order-status/service"
import type { ShipmentStatusValue } from "../../src/modules/shipment/state-machine"
import { refreshOrderStatusWorkflow } from "../../src/workflows/order-status/workflows/refresh-order-status"
import { applyCarrierWebhooksWorkflow } from "../../src/workflows/labels/workflows/apply-carrier-webhooks"
import type OrderActivityModuleService from "../../src/modules/order-activity/service"
import { SHIPMENT_MODULE } from "../../src/modules/shipment"
import type { default as ShipmentModuleService, ReceivedWebhookEvent } from "../../src/modules/shipment/service"
import {
  EasyPostCarrierClient,
  SandboxCarrierClient,
  ShippoCarrierClient,
} from "../../src/modules/shipment/carriers"
import { TEST_ORDER_MODULE } from "../../src/modules/test-order"
import type TestOrderModuleService from "../../src/modules/test-order/service"
import {
  EASYPOST_FAKE_API_KEY,
  type EasyPostFakeHandle,
  easyPostTrackerEventBody,
  signEasyPostWebhook,
  startEasyPostFake,
} from "../fakes/easypost-server"
import {
  SHIPPO_FAKE_API_KEY,
  type ShippoFakeHandle,
  shippoTrackWebhookBody,
  signShippoWebhook,
  startShippoFake,
} from "../fakes/shippo-server"
import {
  type Api,
  createAdmin,
  createShippableOrder,
  createWarehouse,
  type Headers,
  settle,
} from "../helpers/fixtures"

/** An inbox row holding one carrier scan of a parcel: the k-th, a minute after the one before from `base`. */
function scanRow(tracking_number: string, k: number, status: ShipmentStatusValue, base: number) {
  return {
    provider_event_id: `evt_${tracking_number}_${k}`,
    updates: [
      {
        tracking_number,
        carrier: "USPS",
        estimated_delivery_at: null,
        events: [
          {
            provider_event_id: `${tracking_number}:${k}`,
            status,
            carrier_status: status,
            message: null,
            location: null,
            occurred_at: new Date(base + k * 60_000).toISOString(),
          },
        ],
      },
    ],
  }
}

jest.setTimeout(240 * 1000)

const SHIPPO_TOKEN = "shippo-webhook-token-123"
const SHIPPO_HMAC = "shippo-hmac-secret"
const EASYPOST_SECRET = "easypost-webhook-sécret"

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
  env: {},
  testSuite: ({ api: rawApi, getContainer }) => {
    const api = rawApi as Api
    let container: MedusaContainer
    let admin: Headers & { userId: string }
    let warehouse: { shippingOptionId: string; locationId: string }
    let order: Awaited<ReturnType<typeof createShippableOrder>>
    let tee: string
    let mug: string
    let shippo: ShippoFakeHandle
    let easypost: EasyPostFakeHandle

    const service = () => container.resolve<ShipmentModuleService>(SHIPMENT_MODULE)
    const activity = () => container.resolve<OrderActivityModuleService>(ORDER_ACTIVITY_MODULE)
    const fulfillments = async (orderId: string) => {
      const query = container.resolve(ContainerRegistrationKeys.QUERY)
      const { data } = await query.graph({
        entity: "order",
        fields: [
          "fulfillments.id",
          "fulfillments.shipped_at",
          "fulfillments.canceled_at",
          "fulfillments.labels.tracking_number",
          "fulfillments.labels.tracking_url",
          "fulfillments.labels.label_url",
        ],
        filters: { id: orderId },
      })
      return (data[0]?.fulfillments ?? []) as {
        id: string
        shipped_at: unknown
        canceled_at: unknown
        labels: { tracking_number: string; tracking_url: string; label_url: string }[]
      }[]
    }
    const waitFor = async (check: () => Promise<boolean>) => {
      for (let i = 0; i < 100 && !(await check()); i++) {
        await new Promise((r) => setTimeout(r, 100))
      }
      expect(await check()).toBe(true)
    }
    const request = (extra: Record<string, unknown> = {}) => ({
      items: [{ line_item_id: tee, quantity: 2 }],
      parcels: [BOX],
      from: US_FROM,
      to: US_TO,
      ...extra,
    })
    const rates = (extra: Record<string, unknown> = {}, orderId = order.id) =>
      api.post(`/admin/orders/${orderId}/rates`, request(extra), admin)
    const buy = (rate: Record<string, unknown>, extra: Record<string, unknown> = {}, orderId = order.id) =>
      api.post(
        `/admin/orders/${orderId}/labels`,
        request({ carrier: rate.carrier, rate, ...extra }),
        admin
      )
    const cheapest = async (carrier: string, extra: Record<string, unknown> = {}) => {
      const res = await rates({ carrier, ...extra })
      expect(res.status).toBe(200)
      expect(res.data.errors).toEqual([])
      return res.data.rates[0]
    }
    const inbox = () => service().listCarrierWebhookEvents({})

    beforeAll(async () => {
      shippo = await startShippoFake()
      easypost = await startEasyPostFake()
    })
    afterAll(async () => {
      await shippo.close()
      await easypost.close()
    })

    beforeEach(async () => {
      container = getContainer()
      admin = await createAdmin(api, container)
      warehouse = await createWarehouse(container)
      order = await createShippableOrder(container, warehouse)
      tee = order.items.find((i) => i.title === "Tee")!.id
      mug = order.items.find((i) => i.title === "Mug")!.id
      // The real clients, pointed at the local fakes.
      service().setCarrier(new SandboxCarrierClient({ step_minutes: 2 }))
      service().setCarrier(
        new ShippoCarrierClient({
          api_key: SHIPPO_FAKE_API_KEY,
          base_url: shippo.url,
          webhook_token: SHIPPO_TOKEN,
          webhook_hmac_secret: SHIPPO_HMAC,
          webhooks: true,
        })
      )
      service().setCarrier(
        new EasyPostCarrierClient({
          api_key: EASYPOST_FAKE_API_KEY,
          base_url: `${easypost.url}/v2`,
          webhook_secret: EASYPOST_SECRET,
          webhooks: true,
        })
      )
      shippo.requests.length = 0
      easypost.requests.length = 0
      shippo.state.label_purchases = 0
      easypost.state.label_purchases = 0
    })

    describe("parcel templates", () => {
      it("creates, lists, updates, keeps one default and deletes", async () => {
        const small = await api.post("/admin/parcel-templates", { name: "Small box", ...BOX, is_default: true }, admin)
        expect(small.status).toBe(201)
        expect(small.data.parcel_template).toMatchObject({ name: "Small box", length: 20, distance_unit: "cm", is_default: true })
        const big = await api.post(
          "/admin/parcel-templates",
          { name: "Big box", length: 40, width: 30, height: 30, distance_unit: "cm", weight: 3, mass_unit: "kg", is_default: true },
          admin
        )
        const list = await api.get("/admin/parcel-templates", admin)
        expect(list.data.count).toBe(2)
        expect(list.data.parcel_templates.map((t: { name: string; is_default: boolean }) => [t.name, t.is_default])).toEqual([
          ["Big box", true],
          ["Small box", false],
        ])
        const renamed = await api.post(`/admin/parcel-templates/${small.data.parcel_template.id}`, { name: "Tiny box" }, admin)
        expect(renamed.data.parcel_template).toMatchObject({ name: "Tiny box", length: 20 })
        const deleted = await api.delete(`/admin/parcel-templates/${big.data.parcel_template.id}`, admin)
        expect(deleted.data).toEqual({ id: big.data.parcel_template.id, object: "parcel_template", deleted: true })
        expect((await api.get("/admin/parcel-templates", admin)).data.count).toBe(1)
      })

      it("refuses bad templates with a 400 naming the field, writing nothing", async () => {
        for (const [body, field] of [
          [{ ...BOX }, "name"],
          [{ name: "X", ...BOX, length: 0 }, "length"],
          [{ name: "X", ...BOX, mass_unit: "stone" }, "mass_unit"],
          [{ name: "X", ...BOX, distance_unit: "furlong" }, "distance_unit"],
        ] as const) {
          const res = await settle(api.post("/admin/parcel-templates", body, admin))
          expect(res.status).toBe(400)
          expect(res.data.message).toContain(field)
        }
        await api.post("/admin/parcel-templates", { name: "Box", ...BOX }, admin)
        const twice = await settle(api.post("/admin/parcel-templates", { name: "Box", ...BOX }, admin))
        expect(twice.status).toBe(400)
        expect(twice.data.message).toContain("name")
        expect((await api.get("/admin/parcel-templates", admin)).data.count).toBe(1)
      })
    })

    describe("sandbox carrier: rates, buy, print, void", () => {
      it("gives the drawer its defaults: addresses, carriers and templates", async () => {
        await api.post("/admin/parcel-templates", { name: "Small box", ...BOX }, admin)
        const res = await api.get(`/admin/orders/${order.id}/label-defaults`, admin)
        expect(res.status).toBe(200)
        expect(res.data.to).toMatchObject({ name: "Ada Lovelace", street1: "Main st 2", postal_code: "1620", country_code: "DK" })
        expect(res.data.is_test).toBe(false)
        expect(res.data.currency_code).toBe("eur")
        expect(res.data.carriers.map((c: { code: string }) => c.code).sort()).toEqual(["easypost", "sandbox", "shippo"])
        expect(res.data.parcel_templates.map((t: { name: string }) => t.name)).toEqual(["Small box"])
        expect(res.data.label_formats).toEqual(["PDF", "PNG", "ZPL"])
      })

      it("quotes three sandbox services, cheapest first, from a parcel template and the stock location", async () => {
        const template = await api.post("/admin/parcel-templates", { name: "Small box", ...BOX }, admin)
        const res = await api.post(
          `/admin/orders/${order.id}/rates`,
          {
            carrier: "sandbox",
            items: [{ line_item_id: tee, quantity: 1 }],
            parcel_template_id: template.data.parcel_template.id,
            location_id: warehouse.locationId,
          },
          admin
        )
        expect(res.status).toBe(200)
        expect(res.data.errors).toEqual([])
        expect(res.data.rates).toHaveLength(3)
        const amounts = res.data.rates.map((r: { amount: number }) => r.amount)
        expect(amounts).toEqual([...amounts].sort((a: number, b: number) => a - b))
        for (const rate of res.data.rates) {
          expect(rate).toMatchObject({ carrier: "sandbox", currency_code: expect.any(String), rate_id: expect.any(String) })
          expect(rate.amount).toBeGreaterThan(0)
          expect(rate.estimated_days).toBeGreaterThan(0)
        }
      })

      it("refuses bad rate requests with a 400 naming the field", async () => {
        const cases: [Record<string, unknown>, string][] = [
          [{ items: [] }, "items"],
          [{ items: [{ line_item_id: tee, quantity: 4 }] }, "items[0].quantity"],
          [{ items: [{ line_item_id: "nope", quantity: 1 }] }, "items[0].line_item_id"],
          [{ parcels: [] }, "parcels"],
          [{ parcels: [{ ...BOX, weight: -1 }] }, "parcels, 0, weight"],
          [{ from: { ...US_FROM, postal_code: "" } }, "from.postal_code"],
          [{ to: { ...US_TO, country_code: "USA" } }, "to.country_code"],
          [{ carrier: "fedex" }, "carrier"],
          [{ parcel_template_id: "pcl_missing", parcels: undefined }, "parcel_template_id"],
          [{ to: { ...US_TO, country_code: "DE" } }, "customs.items[0].hs_code"],
          [{ shipment_date: "tomorrow" }, "shipment_date"],
        ]
        for (const [extra, field] of cases) {
          const res = await settle(rates(extra))
          expect([res.status, field]).toEqual([400, field])
          // Medusa writes some zod issues as "field 'from, postal_code'".
          const named = [field, field.replace(/\./g, ", ")].some((f) => res.data.message.includes(f))
          expect([field, named, res.data.message]).toEqual([field, true, res.data.message])
        }
      })

      it("asks for customs on an international parcel and quotes it once HS codes are given", async () => {
        const res = await rates({
          carrier: "sandbox",
          to: { ...US_TO, country_code: "DE", postal_code: "10115", city: "Berlin", state: null },
          customs: { contents_type: "merchandise", items: [{ line_item_id: tee, hs_code: "6109.10", origin_country: "PT" }] },
        })
        expect(res.status).toBe(200)
        expect(res.data.rates).toHaveLength(3)
      })

      it("buys a label once, ships with it through Medusa, keeps the file and the cost", async () => {
        const rate = await cheapest("sandbox")
        const res = await buy(rate, { idempotency_key: "drawer-1-abcdef" })
        expect(res.status).toBe(201)
        const { label, shipment } = res.data
        expect(label).toMatchObject({
          order_id: order.id,
          carrier: "sandbox",
          status: "purchased",
          refund_status: "none",
          amount: rate.amount,
          currency_code: rate.currency_code.toLowerCase(),
          label_format: "PDF",
          idempotency_key: "drawer-1-abcdef",
          is_test: false,
          shipment_id: shipment.id,
        })
        expect(label.tracking_number).toMatch(/^SBX/)
        expect(shipment).toMatchObject({
          source: "carrier",
          status: "awaiting_shipment",
          tracking_number: label.tracking_number,
          items: [{ line_item_id: tee, quantity: 2, title: "Tee" }],
          label: expect.objectContaining({ id: label.id }),
        })

        const [fulfillment] = await fulfillments(order.id)
        expect(fulfillment.id).toBe(label.fulfillment_id)
        expect(fulfillment.shipped_at).toBeFalsy()
        expect(fulfillment.labels).toEqual([
          expect.objectContaining({ tracking_number: label.tracking_number, label_url: expect.stringMatching(/\S/) }),
        ])

        const file = await api.get(`/admin/labels/${label.id}/file`, { ...admin, responseType: "arraybuffer" } as Headers)
        expect(file.status).toBe(200)
        const bytes = Buffer.from(file.data as ArrayBuffer)
        expect(bytes.subarray(0, 5).toString()).toBe("%PDF-")
        const pdf = await PDFDocument.load(bytes)
        expect(pdf.getPageCount()).toBe(1)
        const { width, height } = pdf.getPage(0).getSize()
        expect([Math.round(width), Math.round(height)]).toEqual([288, 432])

        // The same purchase again (a double click): the same label, nothing bought.
        const again = await buy(rate, { idempotency_key: "drawer-1-abcdef" })
        expect(again.status).toBe(200)
        expect(again.data.label.id).toBe(label.id)
        expect(await service().listShippingLabels({ order_id: order.id })).toHaveLength(1)
        expect(await fulfillments(order.id)).toHaveLength(1)

        const timeline = await activity().listOrderActivities({ order_id: order.id, kind: "label.purchased" })
        expect(timeline).toEqual([
          expect.objectContaining({ resource_id: label.id, data: expect.objectContaining({ tracking_number: label.tracking_number }) }),
        ])
        const status = await api.get(`/admin/orders/${order.id}/shipments`, admin)
        // Two of three tees, no mug, and nothing scanned yet.
        expect(status.data.order_status.fulfillment_status).toBe("partially_fulfilled")
        expect(status.data.labels.map((l: { id: string }) => l.id)).toEqual([label.id])
      })

      it("voids a label before the first scan, cancels the shipment and follows the refund to the end", async () => {
        const rate = await cheapest("sandbox")
        const { label } = (await buy(rate)).data
        const voided = await api.post(`/admin/labels/${label.id}/void`, {}, admin)
        expect(voided.status).toBe(200)
        expect(voided.data.label).toMatchObject({ status: "voided", refund_status: "submitted" })
        expect(voided.data.shipment).toMatchObject({ status: "canceled" })
        const [fulfillment] = await fulfillments(order.id)
        expect(fulfillment.canceled_at).toBeTruthy()

        const twice = await settle(api.post(`/admin/labels/${label.id}/void`, {}, admin))
        expect(twice.status).toBe(400)
        expect(twice.data.message).toContain("already voided")

        // The follow-up job asks the carrier once the label is due.
        await service().updateShippingLabels({ id: label.id, next_check_at: new Date(Date.now() - 1000) })
        // (The scheduled run may get there first; either way the refund is followed.)
        const run = await labelFollowUpJob(container)
        expect(run.failed).toBe(0)
        const after = (await api.get(`/admin/labels/${label.id}`, admin)).data.label
        expect(after).toMatchObject({ refund_status: "refunded", next_check_at: null })
        expect(await activity().listOrderActivities({ order_id: order.id, kind: "label.refund_updated" })).toEqual([
          expect.objectContaining({ data: expect.objectContaining({ refund_status: "refunded", previous_refund_status: "submitted" }) }),
        ])
        expect(await activity().listOrderActivities({ order_id: order.id, kind: "label.voided" })).toHaveLength(1)
        expect(await labelFollowUpJob(container)).toEqual({ checked: 0, failed: 0 })
        expect(
          await activity().listOrderActivities({ order_id: order.id, kind: "label.refund_updated" })
        ).toHaveLength(1)
      })

      it("polls sandbox tracking forward, and refuses a void once the carrier has the parcel", async () => {
        const rate = await cheapest("sandbox")
        const { label, shipment } = (await buy(rate)).data
        expect(label.next_check_at).toBeTruthy()
        // Five minutes later the sandbox parcel has been scanned twice.
        const later = new Date(Date.now() + 5 * 60_000)
        service().setCarrier(new SandboxCarrierClient({ step_minutes: 2 }, { now: () => later }))
        await service().updateShippingLabels({ id: label.id, next_check_at: new Date(Date.now() - 1000) })
        expect((await labelFollowUpJob(container)).failed).toBe(0)
        const moved = (await api.get(`/admin/orders/${order.id}/shipments`, admin)).data.shipments.find(
          (s: { id: string }) => s.id === shipment.id
        )
        expect(moved.status).toBe("in_transit")
        const carrierEvents = moved.events.filter((e: { source: string }) => e.source === "carrier")
        expect(carrierEvents.map((e: { status: string }) => e.status).sort()).toEqual(["in_transit", "shipped"])
        const [fulfillment] = await fulfillments(order.id)
        expect(fulfillment.shipped_at).toBeTruthy()

        const refused = await settle(api.post(`/admin/labels/${label.id}/void`, {}, admin))
        expect(refused.status).toBe(400)
        expect(refused.data.message).toContain("the carrier already has this parcel")
        expect((await api.get(`/admin/labels/${label.id}`, admin)).data.label.status).toBe("purchased")
      })

      it("lets a test order use only the sandbox carrier", async () => {
        await container.resolve<TestOrderModuleService>(TEST_ORDER_MODULE).createTestOrders({ order_id: order.id, payment_state: "paid" })
        const defaults = await api.get(`/admin/orders/${order.id}/label-defaults`, admin)
        expect(defaults.data.is_test).toBe(true)
        expect(defaults.data.carriers.map((c: { code: string }) => c.code)).toEqual(["sandbox"])

        const all = await rates()
        expect(all.data.rates.every((r: { carrier: string }) => r.carrier === "sandbox")).toBe(true)

        const live = await settle(rates({ carrier: "shippo" }))
        expect(live.status).toBe(400)
        expect(live.data.message).toContain("test orders can only use the sandbox carrier")
        const fakeRate = {
          carrier: "shippo", rate_id: "rate_x", provider_shipment_id: "shp_x", carrier_name: "USPS", service: "Priority",
          service_code: "usps_priority", amount: 7.5, currency_code: "USD", estimated_days: 2, estimated_delivery_at: null,
        }
        const bought = await settle(buy(fakeRate))
        expect(bought.status).toBe(400)
        expect(bought.data.message).toContain("test orders can only use the sandbox carrier")
        expect(shippo.requests).toHaveLength(0)
        expect(await service().listShippingLabels({ order_id: order.id })).toHaveLength(0)

        const sandbox = await buy(all.data.rates[0])
        expect(sandbox.status).toBe(201)
        expect(sandbox.data.label).toMatchObject({ carrier: "sandbox", is_test: true })
      })
    })

    describe("Shippo", () => {
      it("rates and buys through the Shippo API, exactly once for 20 concurrent requests", async () => {
        const rate = await cheapest("shippo")
        const created = shippo.requests.find((r) => r.method === "POST" && r.path.endsWith("/shipments"))!
        expect(created.headers.authorization).toBe(`ShippoToken ${SHIPPO_FAKE_API_KEY}`)
        expect(created.body).toMatchObject({
          address_from: expect.objectContaining({ zip: "94117", country: "US" }),
          address_to: expect.objectContaining({ zip: "94105", country: "US" }),
        })
        const responses = await Promise.all(
          Array.from({ length: 20 }, () => settle(buy(rate, { idempotency_key: "shippo-once-123456" })))
        )
        expect(responses.map((r) => r.status).sort((a, b) => b - a)).toEqual([201, ...Array(19).fill(200)])
        expect(new Set(responses.map((r) => r.data.label.id)).size).toBe(1)
        expect(shippo.state.label_purchases).toBe(1)
        const transaction = shippo.requests.filter((r) => r.method === "POST" && r.path.endsWith("/transactions"))
        expect(transaction).toHaveLength(1)
        expect(transaction[0].body).toMatchObject({ rate: rate.rate_id, label_file_type: "PDF_4x6" })
        expect(JSON.stringify(transaction[0].body)).toContain("shippo-once-123456")

        const label = responses[0].data.label
        expect(label).toMatchObject({ carrier: "shippo", status: "purchased", file_id: expect.any(String) })
        const file = await api.get(`/admin/labels/${label.id}/file`, { ...admin, responseType: "arraybuffer" } as Headers)
        expect(Buffer.from(file.data as ArrayBuffer).subarray(0, 5).toString()).toBe("%PDF-")
        expect(await fulfillments(order.id)).toHaveLength(1)
      })

      it("recovers a purchase whose answer was lost without buying a second label", async () => {
        const rate = await cheapest("shippo")
        shippo.loseNext("POST /transactions")
        const first = await settle(buy(rate, { idempotency_key: "lost-answer-123456" }))
        expect(first.status).toBeGreaterThanOrEqual(400)
        // No answer: whether Shippo sold the label is unknown until it is asked.
        expect((await service().listShippingLabels({ idempotency_key: "lost-answer-123456" }))[0]).toMatchObject({ status: "unknown" })
        expect(shippo.state.label_purchases).toBe(1)

        const retry = await buy(rate, { idempotency_key: "lost-answer-123456" })
        expect(retry.status).toBe(201)
        expect(retry.data.label.status).toBe("purchased")
        expect(shippo.state.label_purchases).toBe(1)
      })

      it("voids the label at Shippo when recording the shipment fails (compensation)", async () => {
        const rate = await cheapest("shippo")
        const shipments = service()
        const spy = jest.spyOn(shipments, "createShipments").mockRejectedValueOnce(new Error("database went away"))
        const res = await settle(buy(rate, { idempotency_key: "compensate-123456" }))
        spy.mockRestore()
        expect(res.status).toBeGreaterThanOrEqual(400)
        expect(shippo.state.label_purchases).toBe(1)
        const refunds = shippo.requests.filter((r) => r.method === "POST" && r.path.endsWith("/refunds"))
        expect(refunds).toHaveLength(1)
        const [label] = await service().listShippingLabels({ idempotency_key: "compensate-123456" })
        expect(label).toMatchObject({ status: "voided", shipment_id: null })
        expect(["submitted", "pending", "refunded"]).toContain(label.refund_status)
        const left = (await fulfillments(order.id)).filter((f) => !f.canceled_at)
        expect(left).toHaveLength(0)
        expect(await service().listShipments({ order_id: order.id })).toHaveLength(0)
      })

      it("takes track_updated webhooks with the URL token and HMAC, and nothing else", async () => {
        const rate = await cheapest("shippo")
        const { label, shipment } = (await buy(rate)).data
        shippo.pushTrackingStatus(label.tracking_number, "TRANSIT", "Arrived at USPS facility")
        const body = shippoTrackWebhookBody(shippo.trackBody(label.tracking_number))
        const post = (raw: string, query: string, headers: Record<string, string>) =>
          settle(
            api.post(`/hooks/carriers/shippo${query}`, raw, {
              headers: { "content-type": "application/json", ...headers },
            })
          )
        const good = { "shippo-auth-signature": signShippoWebhook(body, SHIPPO_HMAC) }

        const bad: [string, string, Record<string, string>][] = [
          [body, "", good],
          [body, "?token=wrong-token-000", good],
          [body, `?token=${SHIPPO_TOKEN}`, {}],
          [body, `?token=${SHIPPO_TOKEN}`, { "shippo-auth-signature": "garbage" }],
          [body, `?token=${SHIPPO_TOKEN}`, { "shippo-auth-signature": signShippoWebhook(body, "other-secret") }],
          [body.replace("TRANSIT", "DELIVERED"), `?token=${SHIPPO_TOKEN}`, good],
        ]
        for (const [raw, query, headers] of bad) {
          const res = await post(raw, query, headers)
          expect(res.status).toBe(401)
        }
        expect(await inbox()).toHaveLength(0)

        const ok = await post(body, `?token=${SHIPPO_TOKEN}`, good)
        expect(ok.status).toBe(200)
        await waitFor(async () => (await service().retrieveShipment(shipment.id)).status === "in_transit")
        const replay = await post(body, `?token=${SHIPPO_TOKEN}`, good)
        expect(replay.status).toBe(200)
        expect(replay.data.duplicate).toBe(true)
        expect(await inbox()).toHaveLength(1)
        const events = await service().listShipmentEvents({ shipment_id: shipment.id, source: "carrier" })
        expect(events).toHaveLength(1)
      })
    })

    describe("EasyPost", () => {
      it("buys through the EasyPost API with unit conversion, exactly once for 20 concurrent requests", async () => {
        const rate = await cheapest("easypost")
        const created = easypost.requests.find((r) => r.method === "POST" && r.path.endsWith("/shipments"))!
        const basic = Buffer.from(`${EASYPOST_FAKE_API_KEY}:`).toString("base64")
        expect(created.headers.authorization).toBe(`Basic ${basic}`)
        // 1.2 kg → 42.3 oz; 20 cm → 7.87 in.
        expect(created.body.shipment.parcel.weight).toBeCloseTo(42.33, 1)
        expect(created.body.shipment.parcel.length).toBeCloseTo(7.87, 1)
        const responses = await Promise.all(
          Array.from({ length: 20 }, () => settle(buy(rate, { idempotency_key: "easypost-once-123456" })))
        )
        expect(responses.map((r) => r.status).sort((a, b) => b - a)).toEqual([201, ...Array(19).fill(200)])
        expect(easypost.state.label_purchases).toBe(1)
        expect(new Set(responses.map((r) => r.data.label.id)).size).toBe(1)
      })

      it("verifies X-Hmac-Signature on the raw body: bad, missing or altered → 401 and nothing written", async () => {
        const rate = await cheapest("easypost")
        const { label, shipment } = (await buy(rate)).data
        const tracker = easypost.pushTrackerStatus(label.tracking_number, "out_for_delivery", "Out for delivery")
        const body = easyPostTrackerEventBody(tracker)
        const post = (raw: string, headers: Record<string, string>) =>
          settle(api.post("/hooks/carriers/easypost", raw, { headers: { "content-type": "application/json", ...headers } }))

        const badHeaders: Record<string, string>[] = [
          {},
          { "x-hmac-signature": "nonsense" },
          { "x-hmac-signature": "hmac-sha256-hex=" },
          { "x-hmac-signature": signEasyPostWebhook(body, "wrong secret") },
        ]
        for (const headers of badHeaders) {
          expect((await post(body, headers)).status).toBe(401)
        }
        const altered = body.replace("out_for_delivery", "delivered")
        expect((await post(altered, { "x-hmac-signature": signEasyPostWebhook(body, EASYPOST_SECRET) })).status).toBe(401)
        expect(await inbox()).toHaveLength(0)
        expect((await service().retrieveShipment(shipment.id)).status).toBe("awaiting_shipment")

        const ok = await post(body, { "x-hmac-signature": signEasyPostWebhook(body, EASYPOST_SECRET) })
        expect(ok.status).toBe(200)
        await waitFor(async () => (await service().retrieveShipment(shipment.id)).status === "out_for_delivery")
        expect((await post(body, { "x-hmac-signature": signEasyPostWebhook(body, EASYPOST_SECRET) })).data.duplicate).toBe(true)
        expect(await inbox()).toHaveLength(1)
      })

      it("ignores an unknown tracking number, and a late webhook never moves a shipment back", async () => {
        const rate = await cheapest("easypost")
        const { label, shipment } = (await buy(rate)).data
        const sign = (raw: string) => ({ "x-hmac-signature": signEasyPostWebhook(raw, EASYPOST_SECRET), "content-type": "application/json" })

        const stranger = easyPostTrackerEventBody({
          id: "trk_unknown", object: "Tracker", tracking_code: "9400NOTOURS", carrier: "USPS", status: "delivered",
          tracking_details: [{ datetime: new Date().toISOString(), message: "Delivered", status: "delivered", tracking_location: {} }],
        }).replace("evt_fake0000000000000000000001", "evt_stranger")
        const unknown = await settle(api.post("/hooks/carriers/easypost", stranger, { headers: sign(stranger) }))
        expect(unknown.status).toBe(200)
        await waitFor(async () => (await inbox())[0]?.status === "ignored")

        const delivered = easypost.pushTrackerStatus(label.tracking_number, "delivered", "Delivered", new Date().toISOString())
        const deliveredBody = easyPostTrackerEventBody(delivered).replace("evt_fake0000000000000000000001", "evt_delivered")
        await api.post("/hooks/carriers/easypost", deliveredBody, { headers: sign(deliveredBody) })
        await waitFor(async () => (await service().retrieveShipment(shipment.id)).status === "delivered")

        const old = {
          ...delivered,
          status: "in_transit",
          tracking_details: [{ datetime: new Date(Date.now() - 86400_000).toISOString(), message: "In transit", status: "in_transit", tracking_location: {} }],
        }
        const lateBody = easyPostTrackerEventBody(old).replace("evt_fake0000000000000000000001", "evt_late")
        await api.post("/hooks/carriers/easypost", lateBody, { headers: sign(lateBody) })
        await waitFor(async () => (await inbox()).every((row: { status: string }) => row.status !== "received"))
        expect((await service().retrieveShipment(shipment.id)).status).toBe("delivered")
        const late = await service().listShipmentEvents({ shipment_id: shipment.id, status: "in_transit" })
        expect(late).toEqual([expect.objectContaining({ applied: false })])
      })

      it("drains in parallel, partitioned by parcel: several drains apply at once, each parcel's events in order", async () => {
        const steps = ["shipped", "in_transit", "out_for_delivery", "delivered"] as const
        const parcels = Array.from({ length: 12 }, (_, i) => `PARTITION${String(i).padStart(6, "0")}`)
        const created = await service().createShipments(
          parcels.map((tracking_number) => ({
            order_id: order.id,
            shipping_point: "local" as const,
            source: "carrier" as const,
            status: "awaiting_shipment" as const,
            carrier: "USPS",
            tracking_number,
          }))
        )
        const base = Date.parse("2041-02-03T10:00:00Z")
        // One inbox row per scan, each parcel's scans arriving oldest first.
        const rows = steps.flatMap((status, k) => parcels.map((tracking_number) => scanRow(tracking_number, k, status, base)))
        const received: ReceivedWebhookEvent[] = []
        for (const row of rows) {
          received.push(...(await service().receiveWebhookEvents("easypost", [row])))
        }
        const ids = received.map((r) => r.id)
        expect(ids).toHaveLength(48)
        // The partition the insert's key gives in JS is the one the lease's SQL gives, for every row.
        const partitionsByKey = received.map((r) => webhookPartitionSlot(r.partition_key, CARRIER_WEBHOOK_DRAIN_PARTITIONS))
        const partitionsBySql = await Promise.all(ids.map(async (id) => (await service().webhookEventPartitions([id], CARRIER_WEBHOOK_DRAIN_PARTITIONS))[0]))
        expect(partitionsByKey).toEqual(partitionsBySql)
        expect(new Set(partitionsByKey).size).toBeGreaterThan(1)

        const applied = await Promise.all([1, 2, 3].map(() => drainCarrierWebhooks(container, { batch: 5 })))
        // More than one drain did work: no single lock for everything.
        expect(applied.filter((n) => n > 0).length).toBeGreaterThanOrEqual(2)
        expect(applied.reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(48)
        // (The scheduled sweep may hold a partition meanwhile; it finishes it.)
        await waitFor(async () => (await service().listCarrierWebhookEvents({ id: ids })).every((r) => r.status === "processed"))
        for (const shipment of created) {
          expect((await service().retrieveShipment(shipment.id)).status).toBe("delivered")
          // In order: nothing was recorded late.
          expect(await service().listShipmentEvents({ shipment_id: shipment.id, applied: false })).toHaveLength(0)
        }
      })

      describe("the order's statuses after a batch", () => {
        const statusRow = async () =>
          (await container.resolve<OrderStatusModuleService>(ORDER_STATUS_MODULE).listOrderStatusRows({ order_id: order.id }))[0] as unknown as {
            shipment_statuses: string[]
            fulfillment_status: string
            computed_at: Date
            shipment_statuses_at: Date | null
          }
        /** One inbox row per scan for one parcel, kept out of the sweep's reach (due in an hour): applied only by the test. */
        const scans = async (tracking_number: string, steps: { status: ShipmentStatusValue; k: number }[]) => {
          const received: string[] = []
          for (const { status, k } of steps) {
            const [{ id }] = await service().receiveWebhookEvents("easypost", [scanRow(tracking_number, k, status, Date.parse("2041-03-04T10:00:00Z"))])
            received.push(id)
          }
          await service().updateCarrierWebhookEvents(received.map((id) => ({ id, next_attempt_at: new Date(Date.now() + 3_600_000) })))
          return received
        }
        const parcel = async (tracking_number: string) => {
          const [shipment] = await service().createShipments([
            { order_id: order.id, shipping_point: "local" as const, source: "carrier" as const, status: "awaiting_shipment" as const, carrier: "USPS", tracking_number },
          ])
          await refreshOrderStatusWorkflow(container).run({ input: { order_ids: [order.id] } })
          return shipment
        }

        it("moves that cannot change the order's fulfillment status write its shipment statuses alone; the others refresh it in full", async () => {
          const shipment = await parcel("FASTPATH000001")
          await applyCarrierWebhooksWorkflow(container).run({ input: { ids: await scans("FASTPATH000001", [{ status: "shipped", k: 1 }]) } })
          const afterShipped = await statusRow()
          expect(afterShipped.shipment_statuses).toEqual(["shipped"])
          expect(afterShipped.fulfillment_status).toBe("partially_fulfilled")

          // shipped → in transit → out for delivery: the statuses alone, no full refresh (computed_at as it was).
          await applyCarrierWebhooksWorkflow(container).run({
            input: { ids: await scans("FASTPATH000001", [{ status: "in_transit", k: 2 }, { status: "out_for_delivery", k: 3 }]) },
          })
          const afterMoves = await statusRow()
          expect(afterMoves.shipment_statuses).toEqual(["out_for_delivery"])
          expect(afterMoves.fulfillment_status).toBe("partially_fulfilled")
          expect(new Date(afterMoves.computed_at).getTime()).toBe(new Date(afterShipped.computed_at).getTime())
          expect(afterMoves.shipment_statuses_at).not.toBeNull()
          // The row equals a full computation of the same data.
          await refreshOrderStatusWorkflow(container).run({ input: { order_ids: [order.id] } })
          expect((await statusRow()).shipment_statuses).toEqual(["out_for_delivery"])
          expect((await statusRow()).fulfillment_status).toBe("partially_fulfilled")

          // Delivered can change it: a full refresh.
          await applyCarrierWebhooksWorkflow(container).run({ input: { ids: await scans("FASTPATH000001", [{ status: "delivered", k: 4 }]) } })
          expect((await service().retrieveShipment(shipment.id)).status).toBe("delivered")
          const afterDelivered = await statusRow()
          expect(afterDelivered.shipment_statuses).toEqual(["delivered"])
          expect(new Date(afterDelivered.computed_at).getTime()).toBeGreaterThan(new Date(afterShipped.computed_at).getTime())
        })

        it("puts the shipment statuses, the shipment and the inbox rows back when a later step fails", async () => {
          const shipment = await parcel("FASTPATH000002")
          await applyCarrierWebhooksWorkflow(container).run({ input: { ids: await scans("FASTPATH000002", [{ status: "shipped", k: 1 }]) } })
          const before = await statusRow()
          expect(before.shipment_statuses).toEqual(["shipped"])

          const ids = await scans("FASTPATH000002", [{ status: "in_transit", k: 2 }])
          const fail = createStep("carrier-batch-test-fail", async () => {
            throw new Error("injected failure")
          })
          const failing = createWorkflow("carrier-batch-test-apply-then-fail", (input: { ids: string[] }) => {
            const applied = applyCarrierWebhooksWorkflow.runAsStep({ input })
            fail()
            return new WorkflowResponse(applied)
          })
          const { errors } = await failing(container).run({ input: { ids }, throwOnError: false })
          expect(errors.map((e) => e.error?.message)).toContain("injected failure")
          const after = await statusRow()
          expect(after.shipment_statuses).toEqual(["shipped"])
          expect(after.shipment_statuses_at === null ? null : new Date(after.shipment_statuses_at).getTime()).toBe(
            before.shipment_statuses_at === null ? null : new Date(before.shipment_statuses_at).getTime()
          )
          expect((await service().retrieveShipment(shipment.id)).status).toBe("shipped")
          expect((await service().listCarrierWebhookEvents({ id: ids }))[0].status).toBe("received")

          // Without the failure the same rows apply: the test above could fail.
          await applyCarrierWebhooksWorkflow(container).run({ input: { ids } })
          expect((await statusRow()).shipment_statuses).toEqual(["in_transit"])
        })
      })

      it("applies inbox rows the subscriber missed through the sweep job", async () => {
        const rate = await cheapest("easypost")
        const { label, shipment } = (await buy(rate)).data
        const tracker = easypost.pushTrackerStatus(label.tracking_number, "in_transit", "On its way")
        const [{ id }] = await service().receiveWebhookEvents("easypost", [
          {
            provider_event_id: "evt_missed",
            updates: [
              {
                tracking_number: label.tracking_number,
                carrier: "USPS",
                estimated_delivery_at: null,
                events: [
                  {
                    provider_event_id: `${tracker.id}:1`,
                    status: "in_transit",
                    carrier_status: "in_transit",
                    message: "On its way",
                    location: null,
                    occurred_at: new Date().toISOString(),
                  },
                ],
              },
            ],
          },
        ])
        // No event was emitted for this row: the sweep applies it (or the scheduled one, if it holds the drain).
        await carrierWebhookSweepJob(container)
        await waitFor(async () => (await service().retrieveCarrierWebhookEvent(id)).status === "processed")
        expect((await service().retrieveShipment(shipment.id)).status).toBe("in_transit")
      })
    })

    it("keeps mug untouched: labels only ship the chosen items", async () => {
      const rate = await cheapest("sandbox")
      await buy(rate)
      const res = await api.get(`/admin/orders/${order.id}/shipments`, admin)
      const left = Object.fromEntries(
        res.data.fulfillable_items.map((i: { line_item_id: string; fulfillable_quantity: number }) => [i.line_item_id, i.fulfillable_quantity])
      )
      expect(left).toEqual({ [tee]: 1, [mug]: 1 })
    })
  },
})
