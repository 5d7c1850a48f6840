import { MedusaError } from "@medusajs/framework/utils"
import { SandboxCarrierClient } from "../../../modules/shipment/carriers/sandbox"
import type { CarrierClient, CarrierCode, CarrierRate } from "../../../modules/shipment/carriers/types"
import { EasyPostCarrierClient } from "../../../modules/shipment/carriers/easypost"
import { ShippoCarrierClient } from "../../../modules/shipment/carriers/shippo"
import { EASYPOST_FAKE_API_KEY, startEasyPostFake } from "../../../../integration-tests/fakes/easypost-server"
import { SHIPPO_FAKE_API_KEY, startShippoFake } from "../../../../integration-tests/fakes/shippo-server"
import { CarrierFulfillmentProviderService, fulfillmentLabelKey } from "../service"
import { buildParcel, listFulfillmentOptions, parseOptionData, pickRate, PARCEL_DEFAULTS, throwIfCurrencyMismatch } from "../utils"

/** Unit tests of the carrier fulfillment provider's parcel, option and price logic. */

const rate = (service_code: string, amount: number, currency_code = "USD"): CarrierRate => ({
  rate_id: `rate_${service_code}`,
  provider_shipment_id: "shp_1",
  carrier_name: "USPS",
  service: service_code,
  service_code,
  amount,
  currency_code,
  estimated_days: 2,
  estimated_delivery_at: null,
})

const US = { address_1: "215 Clayton St", city: "San Francisco", province: "CA", postal_code: "94117", country_code: "us" }
const US_TO = { first_name: "Ada", last_name: "Lovelace", address_1: "1 Market St", city: "San Francisco", postal_code: "94105", country_code: "us" }

const context = (overrides: Record<string, unknown> = {}) =>
  ({
    id: "cart_1",
    currency_code: "eur",
    shipping_address: US_TO,
    items: [{ quantity: 2, variant: { weight: 800, length: 30, width: 20, height: 5 } }],
    from_location: { id: "sloc_1", name: "SF", address: US },
    ...overrides,
  }) as never

describe("buildParcel", () => {
  it("adds weights and packaging and stacks sized units", () => {
    expect(buildParcel([{ quantity: 2, variant: { weight: 800, length: 30, width: 20, height: 5 } }])).toEqual({
      length: 30,
      width: 20,
      height: 10,
      distance_unit: "cm",
      weight: 1.7,
      mass_unit: "kg",
    })
  })

  it("takes the longest and widest unit and reads numeric strings", () => {
    const parcel = buildParcel([
      { quantity: 1, variant: { weight: "200", length: "10", width: 40, height: 2 } },
      { quantity: 3, variant: { weight: 100, length: 25, width: 5, height: 1 } },
    ])
    expect(parcel).toEqual(expect.objectContaining({ length: 25, width: 40, height: 5, weight: 0.6 }))
  })

  it("uses the default weight and box when facts are missing", () => {
    const parcel = buildParcel([
      { quantity: 1, variant: null },
      { quantity: 2, variant: { weight: 0, length: 10, width: 10, height: 10 } },
    ])
    expect(parcel).toEqual({
      ...PARCEL_DEFAULTS.box_cm,
      distance_unit: "cm",
      weight: (PARCEL_DEFAULTS.packaging_g + 3 * PARCEL_DEFAULTS.item_weight_g) / 1000,
      mass_unit: "kg",
    })
  })

  it("refuses an empty shipment", () => {
    expect(() => buildParcel([{ quantity: 0 }])).toThrow("items: there is nothing to ship")
  })
})

describe("options", () => {
  it("lists the sandbox services and a cheapest option per live carrier", () => {
    expect(listFulfillmentOptions(["shippo", "sandbox"]).map((o) => o.id)).toEqual([
      "sandbox:ground",
      "sandbox:express",
      "sandbox:overnight",
      "shippo:cheapest",
    ])
    expect(listFulfillmentOptions([])).toEqual([])
  })

  it("parses option data and rejects what it cannot use", () => {
    const available: CarrierCode[] = ["sandbox", "shippo"]
    expect(parseOptionData({ carrier: "shippo", service_code: "usps_priority" }, available)).toEqual(
      expect.objectContaining({ id: "shippo:usps_priority", carrier: "shippo", service_code: "usps_priority" })
    )
    expect(parseOptionData({ carrier: "shippo", service_code: "cheapest" }, available).service_code).toBeNull()
    expect(() => parseOptionData({ carrier: "fedex" }, available)).toThrow('data.carrier: must be one of sandbox, shippo, easypost (got "fedex")')
    expect(() => parseOptionData({ carrier: "easypost" }, available)).toThrow('data.carrier: "easypost" is not configured')
    expect(() => parseOptionData({ carrier: "sandbox", service_code: "teleport" }, available)).toThrow("Sandbox carrier offers ground, express, overnight")
    expect(() => parseOptionData({ carrier: "shippo", service_code: 7 }, available)).toThrow("data.service_code: must be a string or null")
  })
})

describe("price", () => {
  it("picks the option's service, or the cheapest quote", () => {
    const rates = [rate("express", 12), rate("ground", 5), rate("priority", 8)]
    expect(pickRate(rates, { carrier: "shippo", service_code: "priority" }).amount).toBe(8)
    expect(pickRate(rates, { carrier: "shippo", service_code: null }).amount).toBe(5)
    expect(() => pickRate(rates, { carrier: "shippo", service_code: "overnight" })).toThrow('Shippo offers no "overnight" service')
    expect(() => pickRate([], { carrier: "easypost", service_code: null })).toThrow("EasyPost returned no rates")
  })

  it("refuses a quote in another currency than the cart's", () => {
    expect(() => throwIfCurrencyMismatch(rate("ground", 5, "USD"), "usd")).not.toThrow()
    let error: unknown
    try {
      throwIfCurrencyMismatch(rate("ground", 5, "USD"), "eur")
    } catch (e) {
      error = e
    }
    expect(error).toBeInstanceOf(MedusaError)
    expect((error as MedusaError).type).toBe(MedusaError.Types.NOT_ALLOWED)
    expect((error as MedusaError).message).toContain("USPS quotes in USD but the cart is in EUR")
  })
})

describe("CarrierFulfillmentProviderService", () => {
  const sandboxOnly = { carriers: { sandbox: { enabled: true } } }

  it("quotes the sandbox in the cart's currency", async () => {
    const provider = new CarrierFulfillmentProviderService({}, sandboxOnly)
    const price = await provider.calculatePrice({ carrier: "sandbox", service_code: "express" }, {}, context())
    // 1.7 kg billable: 9.90 + 2.40 × 1.7.
    expect(price).toEqual({ calculated_amount: 13.98, is_calculated_price_tax_inclusive: false })
  })

  it("refuses a live carrier quoting in another currency, and international carts", async () => {
    const shippo = {
      code: "shippo",
      getRates: jest.fn(async () => [rate("usps_ground", 7, "USD")]),
    } as unknown as CarrierClient
    const provider = new CarrierFulfillmentProviderService({}, sandboxOnly, {
      clients: new Map<CarrierCode, CarrierClient>([["shippo", shippo]]),
    })
    await expect(provider.calculatePrice({ carrier: "shippo" }, {}, context())).rejects.toThrow("quotes in USD but the cart is in EUR")
    await expect(provider.calculatePrice({ carrier: "shippo" }, {}, context({ currency_code: "usd" }))).resolves.toEqual({
      calculated_amount: 7,
      is_calculated_price_tax_inclusive: false,
    })
    await expect(
      provider.calculatePrice({ carrier: "shippo" }, {}, context({ shipping_address: { ...US_TO, country_code: "dk" } }))
    ).rejects.toThrow("domestic parcels (US) only")
  })

  it("does not offer the sandbox unless enabled", async () => {
    const provider = new CarrierFulfillmentProviderService({}, {})
    expect(await provider.getFulfillmentOptions()).toEqual([])
    await expect(provider.validateOption({ carrier: "sandbox", service_code: "ground" })).rejects.toThrow("not configured")
  })

  it("looks for the fulfillment's label before buying it, and returns it inline", async () => {
    const sandbox = new SandboxCarrierClient()
    const findLabel = jest.spyOn(sandbox, "findLabel")
    const buyLabel = jest.spyOn(sandbox, "buyLabel")
    const provider = new CarrierFulfillmentProviderService({}, sandboxOnly, {
      clients: new Map<CarrierCode, CarrierClient>([["sandbox", sandbox]]),
    })
    const data = await provider.validateFulfillmentData({ carrier: "sandbox", service_code: "ground" }, {}, context())
    const result = await provider.createFulfillment(
      data,
      [{ line_item_id: "item_1", quantity: 2 }],
      { id: "order_1", display_id: 7, currency_code: "eur", shipping_address: US_TO, items: [{ id: "item_1", quantity: 2, variant: { weight: 800 } }] } as never,
      { id: "ful_1" }
    )
    const key = fulfillmentLabelKey("order_1", [{ line_item_id: "item_1", quantity: 2 }])
    expect(key).toMatch(/^checkout:order_1:[0-9a-f]{16}$/)
    expect(findLabel).toHaveBeenCalledWith({ rate_id: "", provider_shipment_id: "" }, key)
    expect(buyLabel).toHaveBeenCalledWith(expect.objectContaining({ idempotency_key: key, label_format: "PDF" }))
    expect(result.data).toEqual(
      expect.objectContaining({ carrier: "sandbox", currency_code: "EUR", idempotency_key: key, international: false })
    )
    expect(result.labels[0].label_url).toMatch(/^data:application\/pdf;base64,/)
    expect(result.labels[0].tracking_number).toBe(result.data.tracking_number)
  })

  it("keys a checkout label by the order and its items, not the fulfillment's id, so core's retry (a new fulfillment) finds it", () => {
    const a = fulfillmentLabelKey("order_1", [{ line_item_id: "item_2", quantity: 1 }, { line_item_id: "item_1", quantity: 2 }])
    expect(fulfillmentLabelKey("order_1", [{ line_item_id: "item_1", quantity: 2 }, { line_item_id: "item_2", quantity: 1 }])).toBe(a)
    expect(fulfillmentLabelKey("order_1", [{ line_item_id: "item_1", quantity: 1 }, { line_item_id: "item_2", quantity: 1 }])).not.toBe(a)
    expect(fulfillmentLabelKey("order_2", [{ line_item_id: "item_2", quantity: 1 }, { line_item_id: "item_1", quantity: 2 }])).not.toBe(a)
  })

  describe.each([
    {
      carrier: "shippo" as const,
      start: async () => {
        const fake = await startShippoFake({ now: () => new Date("2041-06-01T12:00:00Z") })
        const client = new ShippoCarrierClient({ api_key: SHIPPO_FAKE_API_KEY, base_url: fake.url })
        return { fake, client, purchase: "POST /transactions" }
      },
    },
    {
      carrier: "easypost" as const,
      start: async () => {
        const fake = await startEasyPostFake({ now: () => new Date("2041-06-01T12:00:00Z") })
        const client = new EasyPostCarrierClient({ api_key: EASYPOST_FAKE_API_KEY, base_url: `${fake.url}/v2` })
        return { fake, client, purchase: "POST /v2/shipments/" }
      },
    },
  ])("a checkout fulfillment through $carrier", ({ carrier, start }) => {
    it("retried after the purchase's answer was lost buys once and answers with that label", async () => {
      const { fake, client, purchase } = await start()
      try {
        const provider = new CarrierFulfillmentProviderService({}, { carriers: { sandbox: { enabled: false } } }, {
          clients: new Map<CarrierCode, CarrierClient>([[carrier, client]]),
        })
        const data = await provider.validateFulfillmentData({ carrier }, {}, context())
        const order = {
          id: "order_9",
          display_id: 9,
          currency_code: "usd",
          shipping_address: US_TO,
          items: [{ id: "item_1", quantity: 2, variant: { weight: 800 } }],
        } as never
        const items = [{ line_item_id: "item_1", quantity: 2 }]
        // The carrier sells the label; its answer never arrives, so core
        // deletes the fulfillment and the merchant tries again (a new id).
        fake.loseNext(purchase)
        await expect(provider.createFulfillment(data, items, order, { id: "ful_first" })).rejects.toThrow()
        expect(fake.state.label_purchases).toBe(1)

        const retry = await provider.createFulfillment(data, items, order, { id: "ful_second" })
        expect(fake.state.label_purchases).toBe(1)
        const key = fulfillmentLabelKey("order_9", items)
        expect(retry.data).toEqual(expect.objectContaining({ carrier, idempotency_key: key }))
        expect(retry.labels[0].tracking_number).toBe((retry.data as { tracking_number: string }).tracking_number)
        // The key travelled where the carrier keeps a reference.
        if (carrier === "shippo") {
          const state = fake.state as unknown as { transactions: Map<string, { metadata: string }> }
          expect([...state.transactions.values()].map((t) => t.metadata)).toEqual([key])
        } else {
          const state = fake.state as unknown as { shipments: Map<string, { reference: string }> }
          expect([...state.shipments.values()].map((s) => s.reference)).toContain(key)
        }
      } finally {
        await fake.close()
      }
    })
  })
})
