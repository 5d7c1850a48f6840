import { MedusaError } from "@medusajs/framework/utils"
import { SandboxCarrierClient } from "../../../modules/shipment/carriers/sandbox"
import type { CarrierClient, CarrierCode, CarrierRate } from "../../../modules/shipment/carriers/types"
import { CarrierFulfillmentProviderService } from "../service"
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
    expect(listFulfillmentOptions({ sandbox: true, live: ["shippo"] }).map((o) => o.id)).toEqual([
      "sandbox:ground",
      "sandbox:express",
      "sandbox:overnight",
      "shippo:cheapest",
    ])
    expect(listFulfillmentOptions({ sandbox: false, live: [] })).toEqual([])
  })

  it("parses option data and rejects what it cannot use", () => {
    const available: CarrierCode[] = ["sandbox", "shippo"]
    expect(parseOptionData({ carrier: "shippo", service_code: "usps_priority" }, available)).toEqual(
      expect.objectContaining({ id: "shippo:usps_priority", carrier: "shippo", service_code: "usps_priority" })
    )
    expect(parseOptionData({ carrier: "shippo", service_code: "cheapest" }, available).service_code).toBeNull()
    expect(() => parseOptionData({ carrier: "fedex" }, available)).toThrow('data.carrier: must be one of sandbox, shippo, easypost (got "fedex")')
    expect(() => parseOptionData({ carrier: "easypost" }, available)).toThrow('data.carrier: "easypost" is not configured')
    expect(() => parseOptionData({ carrier: "sandbox", service_code: "teleport" }, available)).toThrow("the sandbox offers ground, express, overnight")
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
    expect(findLabel).toHaveBeenCalledWith(expect.objectContaining({ service_code: "ground" }), "fulfillment:ful_1")
    expect(buyLabel).toHaveBeenCalledWith(expect.objectContaining({ idempotency_key: "fulfillment:ful_1", label_format: "PDF" }))
    expect(result.data).toEqual(
      expect.objectContaining({ carrier: "sandbox", currency_code: "EUR", idempotency_key: "fulfillment:ful_1", international: false })
    )
    expect(result.labels[0].label_url).toMatch(/^data:application\/pdf;base64,/)
    expect(result.labels[0].tracking_number).toBe(result.data.tracking_number)
  })
})
