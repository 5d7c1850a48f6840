import { MedusaError } from "@medusajs/framework/utils"
import {
  SHIPPO_FAKE_API_KEY,
  shippoTrackWebhookBody,
  signShippoWebhook,
  startShippoFake,
  type ShippoFakeHandle,
} from "../../../../../integration-tests/fakes/shippo-server"
import { ShippoCarrierClient } from "../shippo"
import type { BuyLabelRequest, CarrierRate, WebhookRequest } from "../types"
import { domesticRequest, internationalRequest } from "./fixtures"

const AUTH = `ShippoToken ${SHIPPO_FAKE_API_KEY}`

/** The fakes' clock: a fixed instant far from today, just before the test's own dated events. */
const CLOCK = "2041-03-01T08:00:00.000Z"

describe("ShippoCarrierClient against the fake Shippo API", () => {
  let fake: ShippoFakeHandle
  let client: ShippoCarrierClient

  beforeEach(async () => {
    fake = await startShippoFake({ now: () => new Date(CLOCK) })
    client = new ShippoCarrierClient({ api_key: SHIPPO_FAKE_API_KEY, base_url: fake.url, webhook_token: "tok_0123456789" })
  })
  afterEach(async () => {
    await fake.close()
  })

  const buy = (rate: CarrierRate, key = "idem-1"): BuyLabelRequest => ({
    rate,
    label_format: "PDF",
    idempotency_key: key,
    request: domesticRequest(),
  })

  it("creates a shipment and maps its rates, cheapest first", async () => {
    const rates = await client.getRates(domesticRequest())

    expect(fake.requests).toHaveLength(1)
    const [req] = fake.requests
    expect(req.method).toBe("POST")
    expect(req.path).toBe("/shipments")
    expect(req.headers.authorization).toBe(AUTH)
    expect(req.body).toMatchObject({
      async: false,
      shipment_date: "2041-03-01T12:00:00.000Z",
      address_from: { name: "Order Ops Warehouse", street1: "215 Clayton St", zip: "94117", country: "US", state: "CA" },
      address_to: { name: "Ada Lovelace", street2: "Apt 4", zip: "60601", country: "US" },
      parcels: [{ length: "30", width: "20", height: "10", distance_unit: "cm", weight: "2", mass_unit: "kg" }],
      extra: {
        insurance: { amount: "100.00", currency: "USD" },
        signature_confirmation: "ADULT",
        reference_1: "#1001",
      },
    })
    expect(req.body.customs_declaration).toBeUndefined()

    expect(rates.map((r) => r.amount)).toEqual([6.1, 9.4, 11.9])
    expect(rates[0]).toEqual({
      rate_id: expect.stringMatching(/^rate_/),
      provider_shipment_id: expect.stringMatching(/^shp_/),
      carrier_name: "USPS",
      service: "Ground Advantage",
      service_code: "usps_ground_advantage",
      amount: 6.1,
      currency_code: "USD",
      estimated_days: 5,
      estimated_delivery_at: "2041-03-06T12:00:00.000Z",
    })
  })

  it("declares customs first for an international shipment", async () => {
    await client.getRates(internationalRequest())

    expect(fake.requests.map((r) => `${r.method} ${r.path}`)).toEqual(["POST /customs/declarations", "POST /shipments"])
    const [customs, shipment] = fake.requests
    expect(customs.headers.authorization).toBe(AUTH)
    expect(customs.body).toMatchObject({
      certify: true,
      certify_signer: "Order Ops Warehouse",
      contents_type: "MERCHANDISE",
      non_delivery_option: "RETURN",
      items: [
        {
          description: "T-shirt",
          quantity: 2,
          net_weight: "500",
          mass_unit: "g",
          value_amount: "40.00",
          value_currency: "USD",
          origin_country: "US",
          hs_code: "610910",
        },
      ],
    })
    expect(shipment.body.customs_declaration).toMatch(/^cd_/)
  })

  it("refuses an international shipment without customs before calling Shippo", async () => {
    const request = { ...internationalRequest(), customs: null }
    await expect(client.getRates(request)).rejects.toMatchObject({ type: MedusaError.Types.INVALID_DATA })
    expect(fake.requests).toHaveLength(0)
  })

  it("turns Shippo's 400 into INVALID_DATA with its message, and outages into UNEXPECTED_STATE", async () => {
    const request = domesticRequest()
    request.to.postal_code = ""
    await expect(client.getRates(request)).rejects.toMatchObject({
      type: MedusaError.Types.INVALID_DATA,
      message: expect.stringContaining("address_to: zip and country are required"),
    })

    fake.failNext("POST /shipments", 503, { detail: "Service unavailable" })
    await expect(client.getRates(domesticRequest())).rejects.toMatchObject({
      type: MedusaError.Types.UNEXPECTED_STATE,
      message: expect.stringContaining("Service unavailable"),
    })

    const badKey = new ShippoCarrierClient({ api_key: "wrong", base_url: fake.url })
    await expect(badKey.getRates(domesticRequest())).rejects.toMatchObject({
      type: MedusaError.Types.UNEXPECTED_STATE,
      message: expect.stringContaining("API key was refused"),
    })
    expect(fake.requests[fake.requests.length - 1].headers.authorization).toBe("ShippoToken wrong")
  })

  it("says why when Shippo returns no rates", async () => {
    fake.state.no_rates = true
    await expect(client.getRates(domesticRequest())).rejects.toMatchObject({
      type: MedusaError.Types.INVALID_DATA,
      message: expect.stringContaining("No service available for this route"),
    })
  })

  it("buys a label with the idempotency key as metadata", async () => {
    const [rate] = await client.getRates(domesticRequest())
    const label = await client.buyLabel(buy(rate))

    const req = fake.requests[fake.requests.length - 1]
    expect(`${req.method} ${req.path}`).toBe("POST /transactions")
    expect(req.headers.authorization).toBe(AUTH)
    expect(req.body).toEqual({ rate: rate.rate_id, label_file_type: "PDF_4x6", async: false, metadata: "idem-1" })
    expect(label).toEqual({
      provider_label_id: expect.stringMatching(/^txn_/),
      provider_shipment_id: rate.provider_shipment_id,
      tracking_number: expect.stringMatching(/^9400\d{18}$/),
      tracking_url: expect.stringContaining("usps.com"),
      label_url: `${fake.url}/labels/${label.provider_label_id}.pdf`,
      label_file: null,
      label_format: "PDF",
      carrier_name: "USPS",
      service: "Ground Advantage",
      amount: 6.1,
      currency_code: "USD",
    })
    expect(fake.state.label_purchases).toBe(1)

    const file = await client.downloadLabel(label.label_url as string)
    expect(file.mime_type).toBe("application/pdf")
    expect(file.content.subarray(0, 5).toString()).toBe("%PDF-")
  })

  it("asks for ZPLII and PNG files by Shippo's names", async () => {
    const [rate, second] = await client.getRates(domesticRequest())
    const zpl = await client.buyLabel({ ...buy(rate), label_format: "ZPL" })
    expect(fake.requests[fake.requests.length - 1].body.label_file_type).toBe("ZPLII")
    expect(zpl.label_format).toBe("ZPL")
    const png = await client.buyLabel({ ...buy(second, "idem-2"), label_format: "PNG" })
    expect(fake.requests[fake.requests.length - 1].body.label_file_type).toBe("PNG")
    expect(png.label_format).toBe("PNG")
  })

  it("throws INVALID_DATA with Shippo's messages when the transaction fails", async () => {
    const [rate] = await client.getRates(domesticRequest())
    fake.state.transaction_error = "The address is undeliverable."
    await expect(client.buyLabel(buy(rate))).rejects.toMatchObject({
      type: MedusaError.Types.INVALID_DATA,
      message: expect.stringContaining("The address is undeliverable."),
    })
    expect(fake.state.label_purchases).toBe(0)
  })

  it("finds a label whose purchase answer was lost, and only with the same key", async () => {
    const [rate] = await client.getRates(domesticRequest())
    fake.loseNext("POST /transactions")
    await expect(client.buyLabel(buy(rate, "idem-lost"))).rejects.toMatchObject({ type: MedusaError.Types.UNEXPECTED_STATE })
    expect(fake.state.label_purchases).toBe(1)

    const found = await client.findLabel(rate, "idem-lost")
    const list = fake.requests.find((r) => r.method === "GET" && r.path === "/transactions")
    expect(list?.query.rate).toBe(rate.rate_id)
    expect(list?.headers.authorization).toBe(AUTH)
    const [tx] = [...fake.state.transactions.values()]
    expect(found).toMatchObject({
      provider_label_id: tx.object_id,
      tracking_number: tx.tracking_number,
      carrier_name: "USPS",
      service: "Ground Advantage",
      amount: 6.1,
      label_format: "PDF",
    })
    expect(await client.findLabel(rate, "another-key")).toBeNull()
    expect(fake.state.label_purchases).toBe(1)
  })

  it("voids a label and follows its refund", async () => {
    const [rate] = await client.getRates(domesticRequest())
    const label = await client.buyLabel(buy(rate))
    const ref = { ...label, provider_refund_id: null }

    const voided = await client.voidLabel(ref)
    const req = fake.requests[fake.requests.length - 1]
    expect(`${req.method} ${req.path}`).toBe("POST /refunds")
    expect(req.body).toEqual({ transaction: label.provider_label_id, async: false })
    expect(voided).toEqual({ refund_status: "pending", provider_refund_id: expect.stringMatching(/^rfnd_/) })

    expect(await client.getRefundStatus({ ...ref, provider_refund_id: voided.provider_refund_id })).toBe("refunded")
    expect(fake.requests[fake.requests.length - 1].path).toBe(`/refunds/${voided.provider_refund_id}`)
    expect(await client.getRefundStatus(ref)).toBe("none")

    await expect(client.voidLabel(ref)).rejects.toMatchObject({
      type: MedusaError.Types.INVALID_DATA,
      message: expect.stringContaining("already exists"),
    })
  })

  it("tracks a parcel and maps Shippo statuses, substatus included", async () => {
    const [rate] = await client.getRates(domesticRequest())
    const label = await client.buyLabel(buy(rate))
    fake.pushTrackingStatus(label.tracking_number, "TRANSIT", "Arrived at facility", { status_date: "2041-03-02T10:00:00Z" })
    fake.pushTrackingStatus(label.tracking_number, "TRANSIT", "Out for delivery", {
      status_date: "2041-03-03T08:00:00Z",
      substatus: { code: "out_for_delivery", text: "Out for delivery", action_required: false },
    })
    fake.pushTrackingStatus(label.tracking_number, "DELIVERED", "Delivered, front door", { status_date: "2041-03-03T15:00:00Z" })

    const update = await client.track({ ...label, purchased_at: null })
    const req = fake.requests[fake.requests.length - 1]
    expect(`${req.method} ${req.path}`).toBe(`GET /tracks/usps/${label.tracking_number}`)
    expect(req.headers.authorization).toBe(AUTH)
    expect(update.tracking_number).toBe(label.tracking_number)
    expect(update.events.map((e) => e.status)).toEqual(["awaiting_shipment", "in_transit", "out_for_delivery", "delivered"])
    const history = fake.state.tracks.get(label.tracking_number)!.history
    expect(update.events.map((e) => e.provider_event_id)).toEqual(history.map((h) => h.object_id))
    expect(update.events[3]).toMatchObject({
      carrier_status: "DELIVERED",
      message: "Delivered, front door",
      location: "San Francisco, CA, 94103, US",
      occurred_at: "2041-03-03T15:00:00.000Z",
    })
    expect(update.events[2].carrier_status).toBe("TRANSIT:out_for_delivery")
  })

  describe("webhooks", () => {
    const request = (body: string, query: Record<string, unknown>, headers: Record<string, string> = {}): WebhookRequest => ({
      raw_body: Buffer.from(body),
      headers,
      query,
    })

    it("accepts the right ?token= and refuses a missing or wrong one", () => {
      const body = shippoTrackWebhookBody({})
      expect(client.verifyWebhook(request(body, { token: "tok_0123456789" }))).toBe(true)
      expect(client.verifyWebhook(request(body, {}))).toBe(false)
      expect(client.verifyWebhook(request(body, { token: "tok_0123456780" }))).toBe(false)
      expect(client.verifyWebhook(request(body, { token: "tok" }))).toBe(false)
      expect(client.verifyWebhook(request(body, { token: ["tok_0123456789"] }))).toBe(true)
    })

    it("refuses everything when no token is configured", () => {
      const open = new ShippoCarrierClient({ api_key: SHIPPO_FAKE_API_KEY, base_url: fake.url })
      expect(open.verifyWebhook(request("{}", { token: "" }))).toBe(false)
      expect(open.verifyWebhook(request("{}", { token: "tok_0123456789" }))).toBe(false)
    })

    it("checks the Shippo-Auth-Signature HMAC when a secret is set", () => {
      const now = new Date("2041-03-01T12:00:00Z")
      const secret = "shippo-hmac-secret"
      const signed = new ShippoCarrierClient(
        { api_key: SHIPPO_FAKE_API_KEY, base_url: fake.url, webhook_token: "tok_0123456789", webhook_hmac_secret: secret },
        { now: () => now }
      )
      const ts = Math.floor(now.getTime() / 1000)
      const body = shippoTrackWebhookBody({ tracking_number: "9400" })
      const query = { token: "tok_0123456789" }
      const sig = signShippoWebhook(body, secret, ts)

      expect(signed.verifyWebhook(request(body, query, { "shippo-auth-signature": sig }))).toBe(true)
      // token still required
      expect(signed.verifyWebhook(request(body, {}, { "shippo-auth-signature": sig }))).toBe(false)
      expect(signed.verifyWebhook(request(body, query))).toBe(false)
      expect(signed.verifyWebhook(request(body, query, { "shippo-auth-signature": "garbage" }))).toBe(false)
      expect(signed.verifyWebhook(request(body, query, { "shippo-auth-signature": `t=${ts},v1=abc` }))).toBe(false)
      expect(signed.verifyWebhook(request(body, query, { "shippo-auth-signature": signShippoWebhook(body, "other", ts) }))).toBe(false)
      const altered = body.replace("9400", "9401")
      expect(altered).not.toBe(body)
      expect(signed.verifyWebhook(request(altered, query, { "shippo-auth-signature": sig }))).toBe(false)
      // replay: ten minutes old
      const old = signShippoWebhook(body, secret, ts - 600)
      expect(signed.verifyWebhook(request(body, query, { "shippo-auth-signature": old }))).toBe(false)
    })

    it("turns track_updated into one update and ignores other events", async () => {
      const [rate] = await client.getRates(domesticRequest())
      const label = await client.buyLabel(buy(rate))
      fake.pushTrackingStatus(label.tracking_number, "FAILURE", "Address not found", { status_date: "2041-03-04T09:00:00Z" })
      const body = shippoTrackWebhookBody(fake.trackBody(label.tracking_number))
      const req = request(body, { token: "tok_0123456789" })

      const updates = client.parseWebhook(JSON.parse(body), req)
      expect(updates).toHaveLength(1)
      expect(updates[0].tracking_number).toBe(label.tracking_number)
      expect(updates[0].carrier).toBe("usps")
      expect(updates[0].events.map((e) => e.status)).toEqual(["awaiting_shipment", "delivery_failed"])

      const other = JSON.stringify({ event: "transaction_created", test: true, data: {} })
      expect(client.parseWebhook(JSON.parse(other), request(other, {}))).toEqual([])
    })
  })
})
