import { MedusaError } from "@medusajs/framework/utils"
import {
  EASYPOST_FAKE_API_KEY,
  easyPostTrackerEventBody,
  signEasyPostWebhook,
  startEasyPostFake,
  type EasyPostFakeHandle,
} from "../../../../../integration-tests/fakes/easypost-server"
import { EasyPostCarrierClient } from "../easypost"
import type { BuyLabelRequest, CarrierRate, WebhookRequest } from "../types"
import { domesticRequest, internationalRequest } from "./fixtures"

const AUTH = `Basic ${Buffer.from(`${EASYPOST_FAKE_API_KEY}:`).toString("base64")}`

/** The fakes' clock: a fixed instant far from today, just before the test's own dated events. */
const CLOCK = "2041-03-01T08:00:00.000Z"

describe("EasyPostCarrierClient against the fake EasyPost API", () => {
  let fake: EasyPostFakeHandle
  let client: EasyPostCarrierClient

  beforeEach(async () => {
    fake = await startEasyPostFake({ now: () => new Date(CLOCK) })
    client = new EasyPostCarrierClient({ api_key: EASYPOST_FAKE_API_KEY, base_url: `${fake.url}/v2`, webhook_secret: "sécret-ß" })
  })
  afterEach(async () => {
    await fake.close()
  })

  const buy = (rate: CarrierRate, format: BuyLabelRequest["label_format"] = "PDF"): BuyLabelRequest => ({
    rate,
    label_format: format,
    idempotency_key: "idem-1",
    request: domesticRequest(),
  })

  it("creates a shipment in ounces and inches and maps its rates, cheapest first", async () => {
    const rates = await client.getRates(domesticRequest())

    expect(fake.requests).toHaveLength(1)
    const [req] = fake.requests
    expect(`${req.method} ${req.path}`).toBe("POST /v2/shipments")
    expect(req.headers.authorization).toBe(AUTH)
    expect(req.body.shipment).toEqual({
      reference: "#1001",
      from_address: {
        name: "Order Ops Warehouse",
        company: "Order Ops Inc.",
        street1: "215 Clayton St",
        city: "San Francisco",
        state: "CA",
        zip: "94117",
        country: "US",
        phone: "+14155550100",
        email: "ship@example.com",
      },
      to_address: { name: "Ada Lovelace", street1: "1 Main St", street2: "Apt 4", city: "Chicago", state: "IL", zip: "60601", country: "US" },
      // 30×20×10 cm, 2 kg
      parcel: { length: 11.8, width: 7.9, height: 3.9, weight: 70.5 },
      options: {
        label_date: "2041-03-01T12:00:00Z",
        delivery_confirmation: "ADULT_SIGNATURE",
        print_custom_1: "#1001",
      },
    })

    expect(rates.map((r) => r.amount)).toEqual([8.63, 11.72, 13.68])
    expect(rates[0]).toEqual({
      rate_id: expect.stringMatching(/^rate_/),
      provider_shipment_id: expect.stringMatching(/^shp_/),
      carrier_name: "USPS",
      service: "GroundAdvantage",
      service_code: "GroundAdvantage",
      amount: 8.63,
      currency_code: "USD",
      estimated_days: 4,
      estimated_delivery_at: "2041-03-05T12:00:00.000Z",
    })
  })

  it("sends customs info for an international shipment", async () => {
    await client.getRates(internationalRequest())
    expect(fake.requests[0].body.shipment.customs_info).toEqual({
      contents_type: "merchandise",
      customs_certify: true,
      customs_signer: "Order Ops Warehouse",
      non_delivery_option: "return",
      restriction_type: "none",
      eel_pfc: "NOEEI 30.37(a)",
      customs_items: [
        { description: "T-shirt", quantity: 2, value: 40, currency: "USD", weight: 17.6, hs_tariff_number: "610910", origin_country: "US" },
      ],
    })
  })

  it("refuses several parcels, naming parcels, before calling EasyPost", async () => {
    const request = domesticRequest()
    request.parcels.push({ ...request.parcels[0] })
    await expect(client.getRates(request)).rejects.toMatchObject({
      type: MedusaError.Types.INVALID_DATA,
      message: expect.stringContaining("parcels:"),
    })
    expect(fake.requests).toHaveLength(0)
  })

  it("turns EasyPost's 422 into INVALID_DATA with its field errors, 401 and 5xx into UNEXPECTED_STATE", async () => {
    const request = domesticRequest()
    request.to.postal_code = ""
    await expect(client.getRates(request)).rejects.toMatchObject({
      type: MedusaError.Types.INVALID_DATA,
      message: expect.stringContaining("to_address.zip: cannot be blank"),
    })

    fake.failNext("POST /v2/shipments", 503, { error: { code: "SERVICE.UNAVAILABLE", message: "We are down", errors: [] } })
    await expect(client.getRates(domesticRequest())).rejects.toMatchObject({
      type: MedusaError.Types.UNEXPECTED_STATE,
      message: expect.stringContaining("We are down"),
    })

    const badKey = new EasyPostCarrierClient({ api_key: "wrong", base_url: `${fake.url}/v2` })
    await expect(badKey.getRates(domesticRequest())).rejects.toMatchObject({ type: MedusaError.Types.UNEXPECTED_STATE })
    expect(fake.requests[fake.requests.length - 1].headers.authorization).toBe(`Basic ${Buffer.from("wrong:").toString("base64")}`)

    fake.state.no_rates = true
    await expect(client.getRates(domesticRequest())).rejects.toMatchObject({
      type: MedusaError.Types.INVALID_DATA,
      message: expect.stringContaining("No rates for this route"),
    })
  })

  it("buys the rate with insurance and converts the label to PDF", async () => {
    const [rate] = await client.getRates(domesticRequest())
    const label = await client.buyLabel(buy(rate))

    const [, buyReq, convertReq] = fake.requests
    expect(`${buyReq.method} ${buyReq.path}`).toBe(`POST /v2/shipments/${rate.provider_shipment_id}/buy`)
    expect(buyReq.headers.authorization).toBe(AUTH)
    expect(buyReq.body).toEqual({ rate: { id: rate.rate_id }, insurance: 100 })
    expect(`${convertReq.method} ${convertReq.path}`).toBe(`GET /v2/shipments/${rate.provider_shipment_id}/label`)
    expect(convertReq.query).toEqual({ file_format: "PDF" })

    expect(label).toEqual({
      provider_label_id: rate.provider_shipment_id,
      provider_shipment_id: rate.provider_shipment_id,
      tracking_number: expect.stringMatching(/^EZ\d{18}$/),
      tracking_url: expect.stringContaining("https://track.easypost.com/"),
      label_url: `${fake.url}/labels/${rate.provider_shipment_id}.pdf`,
      label_file: null,
      label_format: "PDF",
      carrier_name: "USPS",
      service: "GroundAdvantage",
      amount: 8.63,
      currency_code: "USD",
    })
    expect(fake.state.label_purchases).toBe(1)

    const file = await client.downloadLabel(label.label_url as string)
    expect(file.mime_type).toBe("application/pdf")
    expect(file.content.subarray(0, 5).toString()).toBe("%PDF-")
  })

  it("keeps EasyPost's PNG without a conversion", async () => {
    const [rate] = await client.getRates(domesticRequest())
    const label = await client.buyLabel({ ...buy(rate, "PNG"), request: { ...domesticRequest(), insurance: null } })
    expect(fake.requests.map((r) => r.path)).toEqual(["/v2/shipments", `/v2/shipments/${rate.provider_shipment_id}/buy`])
    expect(fake.requests[1].body).toEqual({ rate: { id: rate.rate_id } })
    expect(label.label_url).toBe(`${fake.url}/labels/${rate.provider_shipment_id}.png`)
    expect(label.label_format).toBe("PNG")
  })

  it("finds a label whose purchase answer was lost; a second buy is refused", async () => {
    const [rate, other] = await client.getRates(domesticRequest())
    expect(await client.findLabel(rate)).toBeNull()

    fake.loseNext(`POST /v2/shipments/${rate.provider_shipment_id}/buy`)
    await expect(client.buyLabel(buy(rate))).rejects.toMatchObject({ type: MedusaError.Types.UNEXPECTED_STATE })
    expect(fake.state.label_purchases).toBe(1)

    const found = await client.findLabel(rate)
    const req = fake.requests[fake.requests.length - 1]
    expect(`${req.method} ${req.path}`).toBe(`GET /v2/shipments/${rate.provider_shipment_id}`)
    expect(found).toMatchObject({
      provider_label_id: rate.provider_shipment_id,
      tracking_number: fake.state.shipments.get(rate.provider_shipment_id).tracking_code,
      carrier_name: "USPS",
      amount: 8.63,
      label_format: "PNG",
    })
    // Same shipment, another rate: not the label we bought.
    expect(await client.findLabel(other)).toBeNull()

    await expect(client.buyLabel(buy(rate))).rejects.toMatchObject({
      type: MedusaError.Types.INVALID_DATA,
      message: expect.stringContaining("Postage already exists"),
    })
    expect(fake.state.label_purchases).toBe(1)
  })

  it("voids a label and follows the shipment's refund_status", async () => {
    const [rate] = await client.getRates(domesticRequest())
    const label = await client.buyLabel(buy(rate))
    expect(await client.getRefundStatus(label)).toBe("none")

    const voided = await client.voidLabel(label)
    const req = fake.requests[fake.requests.length - 1]
    expect(`${req.method} ${req.path}`).toBe(`POST /v2/shipments/${rate.provider_shipment_id}/refund`)
    expect(voided).toEqual({ refund_status: "submitted", provider_refund_id: null })
    expect(await client.getRefundStatus(label)).toBe("submitted")
    expect(await client.getRefundStatus(label)).toBe("refunded")
  })

  it("tracks through Tracker.create and maps EasyPost statuses", async () => {
    const [rate] = await client.getRates(domesticRequest())
    const label = await client.buyLabel(buy(rate))
    fake.pushTrackerStatus(label.tracking_number, "in_transit", "Departed facility", "2041-03-02T10:00:00Z")
    fake.pushTrackerStatus(label.tracking_number, "available_for_pickup", "Held at post office", "2041-03-03T09:00:00Z")
    fake.pushTrackerStatus(label.tracking_number, "delivered", "Picked up", "2041-03-04T11:00:00Z")

    const update = await client.track({ ...label, purchased_at: null })
    const req = fake.requests[fake.requests.length - 1]
    expect(`${req.method} ${req.path}`).toBe("POST /v2/trackers")
    expect(req.headers.authorization).toBe(AUTH)
    expect(req.body).toEqual({ tracker: { tracking_code: label.tracking_number, carrier: "USPS" } })
    expect(update.events.map((e) => e.status)).toEqual(["in_transit", "out_for_delivery", "delivered"])
    expect(update.events[2]).toMatchObject({
      carrier_status: "delivered:status_update",
      message: "Picked up",
      location: "Chicago, IL, 60601, US",
      occurred_at: "2041-03-04T11:00:00.000Z",
    })
    const again = await client.track({ ...label, purchased_at: null })
    expect(again.events.map((e) => e.provider_event_id)).toEqual(update.events.map((e) => e.provider_event_id))
    expect(new Set(update.events.map((e) => e.provider_event_id)).size).toBe(3)
  })

  describe("webhooks", () => {
    const request = (body: string, headers: Record<string, string | string[]> = {}): WebhookRequest => ({
      raw_body: Buffer.from(body),
      headers,
      query: {},
    })
    const tracker = {
      id: "trk_123",
      object: "Tracker",
      tracking_code: "EZ1000000001",
      carrier: "USPS",
      status: "out_for_delivery",
      est_delivery_date: "2041-03-05T00:00:00Z",
      tracking_details: [
        { datetime: "2041-03-03T08:00:00Z", message: "Out for delivery", status: "out_for_delivery", tracking_location: { city: "Chicago" } },
        { datetime: "2041-03-02T08:00:00Z", message: "Accepted", status: "pre_transit", tracking_location: null },
      ],
    }

    it("accepts a valid signature and refuses missing, malformed, wrong-secret and altered ones", () => {
      const body = easyPostTrackerEventBody(tracker)
      const sig = signEasyPostWebhook(body, "sécret-ß")
      expect(client.verifyWebhook(request(body, { "x-hmac-signature": sig }))).toBe(true)
      expect(client.verifyWebhook(request(body, { "x-hmac-signature": [sig] }))).toBe(true)
      expect(client.verifyWebhook(request(body))).toBe(false)
      expect(client.verifyWebhook(request(body, { "x-hmac-signature": "sha256=abc" }))).toBe(false)
      expect(client.verifyWebhook(request(body, { "x-hmac-signature": sig.slice(0, -1) }))).toBe(false)
      expect(client.verifyWebhook(request(body, { "x-hmac-signature": signEasyPostWebhook(body, "other") }))).toBe(false)
      const altered = body.replace("EZ1000000001", "EZ1000000002")
      expect(altered.length).toBe(body.length)
      expect(client.verifyWebhook(request(altered, { "x-hmac-signature": sig }))).toBe(false)
    })

    it("refuses everything without a configured secret", () => {
      const open = new EasyPostCarrierClient({ api_key: EASYPOST_FAKE_API_KEY, base_url: `${fake.url}/v2` })
      const body = easyPostTrackerEventBody(tracker)
      expect(open.verifyWebhook(request(body, { "x-hmac-signature": signEasyPostWebhook(body, "") }))).toBe(false)
    })

    it("turns tracker.updated into one update with stable event ids and ignores other events", () => {
      const body = easyPostTrackerEventBody(tracker)
      const [update] = client.parseWebhook(JSON.parse(body))
      expect(update).toMatchObject({ tracking_number: "EZ1000000001", carrier: "USPS", estimated_delivery_at: "2041-03-05T00:00:00.000Z" })
      expect(update.events.map((e) => [e.status, e.occurred_at])).toEqual([
        ["awaiting_shipment", "2041-03-02T08:00:00.000Z"],
        ["out_for_delivery", "2041-03-03T08:00:00.000Z"],
      ])
      const [again] = client.parseWebhook(JSON.parse(easyPostTrackerEventBody(tracker, "tracker.created")))
      expect(again.events.map((e) => e.provider_event_id)).toEqual(update.events.map((e) => e.provider_event_id))

      expect(client.parseWebhook(JSON.parse(easyPostTrackerEventBody({ id: "shp_1" }, "batch.updated")))).toEqual([])
      expect(client.parseWebhook({ object: "Tracker" })).toEqual([])
      expect(client.parseWebhook(null)).toEqual([])
    })
  })
})
