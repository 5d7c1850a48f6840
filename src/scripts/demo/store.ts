/** The demo store's set-up: store, currencies, region with VAT, warehouse, shipping and pickup, publishable key, return reasons. */
import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, MedusaError, Modules } from "@medusajs/framework/utils"
import {
  createApiKeysWorkflow,
  createLinksWorkflow,
  createLocationFulfillmentSetWorkflow,
  createRegionsWorkflow,
  createReturnReasonsWorkflow,
  createSalesChannelsWorkflow,
  createServiceZonesWorkflow,
  createShippingOptionsWorkflow,
  createShippingProfilesWorkflow,
  createStockLocationsWorkflow,
  createStoresWorkflow,
  createTaxRegionsWorkflow,
  linkSalesChannelsToApiKeyWorkflow,
  linkSalesChannelsToStockLocationWorkflow,
  updateStoresWorkflow,
} from "@medusajs/medusa/core-flows"
import { type DeliveryKey, type Logger, idsOf } from "./context"

/** A product with this handle exists once the catalogue has been seeded. */
export const MARKER_PRODUCT_HANDLE = "order-ops-demo-tee"
/** Set in the store's metadata when a seed run has finished. */
export const STORE_MARKER_KEY = "order_ops_demo_seeded_at"

const SALES_CHANNEL_NAME = "Default Sales Channel"
const REGION_NAME = "Europe"
export const STOCK_LOCATION_NAME = "Main Warehouse"
export const SHIPPING_SET_NAME = "Main Warehouse – shipping"
export const PICKUP_SET_NAME = "Main Warehouse – store pickup"
const API_KEY_TITLE = "Order Ops demo storefront"
const DIGITAL_PROFILE_NAME = "Digital products"
const MANUAL_PROVIDER = "manual_manual"
export const PAYMENT_PROVIDER = "pp_system_default"
const TAX_PROVIDER = "tp_system"
export const STOCKED_QUANTITY = 1000

/** Standard VAT rate per region country, in percent. */
const VAT_RATES: Record<string, number> = {
  de: 19,
  fr: 20,
  nl: 21,
  gb: 20,
  dk: 25,
  se: 25,
  es: 21,
  it: 22,
}
export const REGION_COUNTRIES = Object.keys(VAT_RATES)
export const PICKUP_COUNTRIES = ["dk"]

type ShippingOptionSpec = {
  key: DeliveryKey
  name: string
  set: "shipping" | "pickup"
  profile: "default" | "digital"
  label: string
  description: string
  code: string
  eur: number
  usd: number
  isReturn?: boolean
}

const SHIPPING_OPTIONS: ShippingOptionSpec[] = [
  {
    key: "standard",
    name: "Standard Shipping",
    set: "shipping",
    profile: "default",
    label: "Standard",
    description: "Delivered in 2–4 business days.",
    code: "standard",
    eur: 5,
    usd: 6,
  },
  {
    key: "express",
    name: "Express Shipping",
    set: "shipping",
    profile: "default",
    label: "Express",
    description: "Delivered the next business day.",
    code: "express",
    eur: 15,
    usd: 17,
  },
  {
    key: "pickup",
    name: "Store pickup",
    set: "pickup",
    profile: "default",
    label: "Pickup",
    description: "Collect the order at our Copenhagen warehouse.",
    code: "pickup",
    eur: 0,
    usd: 0,
  },
  {
    key: "digital",
    name: "Digital delivery",
    set: "shipping",
    profile: "digital",
    label: "Digital",
    description: "Download links and keys are sent by email.",
    code: "digital",
    eur: 0,
    usd: 0,
  },
  {
    key: "return",
    name: "Return to warehouse",
    set: "shipping",
    profile: "default",
    label: "Return",
    description: "Prepaid return label to our Copenhagen warehouse.",
    code: "return",
    eur: 0,
    usd: 0,
    isReturn: true,
  },
]

const RETURN_REASONS = [
  { value: "wrong_size", label: "Wrong size", description: "The item does not fit." },
  { value: "changed_mind", label: "Changed mind", description: "The customer no longer wants the item." },
  { value: "damaged", label: "Arrived damaged", description: "The item was damaged in transit." },
]

/**
 * Makes sure the store exists, supports EUR (as default) and USD next to any
 * currency it already has, and has a default sales channel.
 */
export async function ensureStore(container: MedusaContainer, logger: Logger) {
  const storeModule = container.resolve(Modules.STORE)
  const salesChannelModule = container.resolve(Modules.SALES_CHANNEL)

  let [store] = await storeModule.listStores({}, { relations: ["supported_currencies"] })
  if (!store) {
    const { result } = await createStoresWorkflow(container).run({
      input: {
        stores: [
          {
            name: "Order Ops Demo Store",
            supported_currencies: [
              { currency_code: "eur", is_default: true },
              { currency_code: "usd" },
            ],
          },
        ],
      },
    })
    store = result[0]
    logger.info("Created the store.")
  }

  let salesChannelId = store.default_sales_channel_id ?? undefined
  if (!salesChannelId) {
    const [existing] = await salesChannelModule.listSalesChannels({ name: SALES_CHANNEL_NAME })
    if (existing) {
      salesChannelId = existing.id
    } else {
      const { result } = await createSalesChannelsWorkflow(container).run({
        input: { salesChannelsData: [{ name: SALES_CHANNEL_NAME }] },
      })
      salesChannelId = result[0].id
      logger.info(`Created sales channel "${SALES_CHANNEL_NAME}".`)
    }
  }

  const currencies = (store.supported_currencies ?? []).map((c) => c.currency_code)
  const eurIsDefault = (store.supported_currencies ?? []).some(
    (c) => c.currency_code === "eur" && c.is_default
  )
  const needsCurrencies = !eurIsDefault || !currencies.includes("usd")
  if (needsCurrencies || store.default_sales_channel_id !== salesChannelId) {
    await updateStoresWorkflow(container).run({
      input: {
        selector: { id: store.id },
        update: {
          default_sales_channel_id: salesChannelId,
          ...(needsCurrencies
            ? {
                supported_currencies: [...new Set(["eur", "usd", ...currencies])].map(
                  (currency_code) => ({ currency_code, is_default: currency_code === "eur" })
                ),
              }
            : {}),
        },
      },
    })
    logger.info("Store: EUR (default) and USD, default sales channel set.")
  }

  return { storeId: store.id, metadata: store.metadata ?? {}, salesChannelId }
}

/** Finds or creates the "Europe" region and a tax region with VAT per country. */
export async function ensureRegion(container: MedusaContainer, logger: Logger): Promise<string> {
  const regionModule = container.resolve(Modules.REGION)
  const taxModule = container.resolve(Modules.TAX)

  let [region] = await regionModule.listRegions({ name: REGION_NAME })
  if (!region) {
    const { result } = await createRegionsWorkflow(container).run({
      input: {
        regions: [
          {
            name: REGION_NAME,
            currency_code: "eur",
            countries: REGION_COUNTRIES,
            payment_providers: [PAYMENT_PROVIDER],
          },
        ],
      },
    })
    region = result[0]
    logger.info(`Created region "${REGION_NAME}" (${REGION_COUNTRIES.join(", ")}).`)
  }

  const existing = await taxModule.listTaxRegions({ country_code: REGION_COUNTRIES })
  const covered = new Set(
    existing.filter((t) => !t.parent_id).map((t) => t.country_code.toLowerCase())
  )
  const missing = REGION_COUNTRIES.filter((code) => !covered.has(code))
  if (missing.length) {
    await createTaxRegionsWorkflow(container).run({
      input: missing.map((country_code) => ({
        country_code,
        provider_id: TAX_PROVIDER,
        default_tax_rate: {
          name: `${country_code.toUpperCase()} standard VAT`,
          code: `VAT-${country_code.toUpperCase()}`,
          rate: VAT_RATES[country_code],
        },
      })),
    })
    logger.info(`Created tax regions for ${missing.join(", ")}.`)
  }

  return region.id
}

/**
 * Finds or creates the Copenhagen warehouse and links it to the sales channel
 * and the manual fulfillment provider.
 */
export async function ensureStockLocation(
  container: MedusaContainer,
  logger: Logger,
  salesChannelId: string
): Promise<string> {
  const stockLocationModule = container.resolve(Modules.STOCK_LOCATION)
  const query = container.resolve(ContainerRegistrationKeys.QUERY)

  let [location] = await stockLocationModule.listStockLocations({ name: STOCK_LOCATION_NAME })
  if (!location) {
    const { result } = await createStockLocationsWorkflow(container).run({
      input: {
        locations: [
          {
            name: STOCK_LOCATION_NAME,
            address: {
              address_1: "Vesterbrogade 149",
              city: "Copenhagen",
              postal_code: "1620",
              country_code: "dk",
              phone: "+45 33 00 01 49",
            },
          },
        ],
      },
    })
    location = result[0]
    logger.info(`Created stock location "${STOCK_LOCATION_NAME}".`)
  }

  const { data } = await query.graph({
    entity: "stock_location",
    fields: ["id", "fulfillment_providers.id", "sales_channels.id"],
    filters: { id: location.id },
  })
  const linked = data[0]

  if (!idsOf(linked?.fulfillment_providers).includes(MANUAL_PROVIDER)) {
    await createLinksWorkflow(container).run({
      input: [
        {
          [Modules.STOCK_LOCATION]: { stock_location_id: location.id },
          [Modules.FULFILLMENT]: { fulfillment_provider_id: MANUAL_PROVIDER },
        },
      ],
    })
    logger.info(`Linked "${STOCK_LOCATION_NAME}" to fulfillment provider ${MANUAL_PROVIDER}.`)
  }

  if (!idsOf(linked?.sales_channels).includes(salesChannelId)) {
    await linkSalesChannelsToStockLocationWorkflow(container).run({
      input: { id: location.id, add: [salesChannelId] },
    })
    logger.info(`Linked "${STOCK_LOCATION_NAME}" to the default sales channel.`)
  }

  return location.id
}

/** Finds or creates the default and the digital shipping profile. */
export async function ensureShippingProfiles(container: MedusaContainer, logger: Logger) {
  const fulfillmentModule = container.resolve(Modules.FULFILLMENT)

  const findOrCreate = async (type: string, name: string): Promise<string> => {
    const [existing] = await fulfillmentModule.listShippingProfiles({ type })
    if (existing) {
      return existing.id
    }
    const { result } = await createShippingProfilesWorkflow(container).run({
      input: { data: [{ name, type }] },
    })
    logger.info(`Created shipping profile "${name}".`)
    return result[0].id
  }

  return {
    default: await findOrCreate("default", "Default Shipping Profile"),
    digital: await findOrCreate("digital", DIGITAL_PROFILE_NAME),
  }
}

/**
 * Finds or creates a fulfillment set of the warehouse with one service zone,
 * and returns the zone's id.
 */
export async function ensureServiceZone(
  container: MedusaContainer,
  logger: Logger,
  locationId: string,
  set: { name: string; type: "shipping" | "pickup"; zone: string; countries: string[] }
): Promise<string> {
  const fulfillmentModule = container.resolve(Modules.FULFILLMENT)

  const find = () =>
    fulfillmentModule.listFulfillmentSets({ name: set.name }, { relations: ["service_zones"] })

  let [fulfillmentSet] = await find()
  if (!fulfillmentSet) {
    await createLocationFulfillmentSetWorkflow(container).run({
      input: {
        location_id: locationId,
        fulfillment_set_data: { name: set.name, type: set.type },
      },
    })
    ;[fulfillmentSet] = await find()
    if (!fulfillmentSet) {
      throw new MedusaError(
        MedusaError.Types.UNEXPECTED_STATE,
        `Fulfillment set "${set.name}" was not found after creating it.`
      )
    }
    logger.info(`Created ${set.type} fulfillment set "${set.name}".`)
  }

  const [zone] = fulfillmentSet.service_zones ?? []
  if (zone) {
    return zone.id
  }
  const { result } = await createServiceZonesWorkflow(container).run({
    input: {
      data: [
        {
          fulfillment_set_id: fulfillmentSet.id,
          name: set.zone,
          geo_zones: set.countries.map((country_code) => ({
            type: "country" as const,
            country_code,
          })),
        },
      ],
    },
  })
  logger.info(`Created service zone "${set.zone}".`)
  return result[0].id
}

/** Finds or creates the shipping options, and returns their ids by key. */
export async function ensureShippingOptions(
  container: MedusaContainer,
  logger: Logger,
  regionId: string,
  zones: Record<ShippingOptionSpec["set"], string>,
  profiles: Record<ShippingOptionSpec["profile"], string>
): Promise<Record<DeliveryKey, string>> {
  const fulfillmentModule = container.resolve(Modules.FULFILLMENT)

  const existing = await fulfillmentModule.listShippingOptions({
    name: SHIPPING_OPTIONS.map((o) => o.name),
  })
  const ids: Partial<Record<DeliveryKey, string>> = {}
  const toCreate: ShippingOptionSpec[] = []
  for (const spec of SHIPPING_OPTIONS) {
    const found = existing.find(
      (o) => o.name === spec.name && o.service_zone_id === zones[spec.set]
    )
    if (found) {
      ids[spec.key] = found.id
    } else {
      toCreate.push(spec)
    }
  }

  if (toCreate.length) {
    const { result } = await createShippingOptionsWorkflow(container).run({
      input: toCreate.map((spec) => ({
        name: spec.name,
        price_type: "flat" as const,
        provider_id: MANUAL_PROVIDER,
        service_zone_id: zones[spec.set],
        shipping_profile_id: profiles[spec.profile],
        type: { label: spec.label, description: spec.description, code: spec.code },
        prices: [
          { currency_code: "eur", amount: spec.eur },
          { currency_code: "usd", amount: spec.usd },
          { region_id: regionId, amount: spec.eur },
        ],
        rules: [
          { attribute: "enabled_in_store", operator: "eq" as const, value: "true" },
          {
            attribute: "is_return",
            operator: "eq" as const,
            value: spec.isReturn ? "true" : "false",
          },
        ],
      })),
    })
    for (const spec of toCreate) {
      const created = result.find((o) => o.name === spec.name)
      if (!created) {
        throw new MedusaError(
          MedusaError.Types.UNEXPECTED_STATE,
          `Shipping option "${spec.name}" was not created.`
        )
      }
      ids[spec.key] = created.id
    }
    logger.info(`Created shipping options: ${toCreate.map((s) => s.name).join(", ")}.`)
  }

  const complete = (key: DeliveryKey): string => {
    const id = ids[key]
    if (!id) {
      throw new MedusaError(MedusaError.Types.NOT_FOUND, `Shipping option "${key}" is missing.`)
    }
    return id
  }
  return {
    standard: complete("standard"),
    express: complete("express"),
    pickup: complete("pickup"),
    digital: complete("digital"),
    return: complete("return"),
  }
}

/** Finds or creates a publishable API key for the storefront, linked to the sales channel. */
export async function ensurePublishableKey(
  container: MedusaContainer,
  logger: Logger,
  salesChannelId: string
): Promise<string> {
  const apiKeyModule = container.resolve(Modules.API_KEY)
  const query = container.resolve(ContainerRegistrationKeys.QUERY)

  // Reuse the key Medusa creates on first start ("Default Publishable API
  // Key") rather than adding a second one.
  const keys = (await apiKeyModule.listApiKeys({ type: "publishable" })).filter(
    (k) => !k.revoked_at
  )
  let key = keys.find((k) => k.title === API_KEY_TITLE) ?? keys[0]
  if (!key) {
    const { result } = await createApiKeysWorkflow(container).run({
      input: { api_keys: [{ title: API_KEY_TITLE, type: "publishable", created_by: "" }] },
    })
    key = result[0]
    logger.info(`Created publishable API key "${API_KEY_TITLE}".`)
  }

  const { data } = await query.graph({
    entity: "api_key",
    fields: ["id", "sales_channels.id"],
    filters: { id: key.id },
  })
  if (!idsOf(data[0]?.sales_channels).includes(salesChannelId)) {
    await linkSalesChannelsToApiKeyWorkflow(container).run({
      input: { id: key.id, add: [salesChannelId] },
    })
  }
  return key.token
}

/** Finds or creates the return reasons, and returns their ids by value. */
export async function ensureReturnReasons(container: MedusaContainer, logger: Logger) {
  const orderModule = container.resolve(Modules.ORDER)
  const values = RETURN_REASONS.map((r) => r.value)

  const existing = await orderModule.listReturnReasons({ value: values })
  const missing = RETURN_REASONS.filter((r) => !existing.some((e) => e.value === r.value))
  if (missing.length) {
    await createReturnReasonsWorkflow(container).run({ input: { data: missing } })
    logger.info(`Created return reasons: ${missing.map((r) => r.label).join(", ")}.`)
  }
  const all = await orderModule.listReturnReasons({ value: values })
  return new Map(all.map((r) => [r.value, r.id]))
}
