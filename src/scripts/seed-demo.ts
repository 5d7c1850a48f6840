/**
 * Seeds the demo store: currencies, a European region with VAT, a warehouse in
 * Copenhagen with shipping and pickup, physical and digital products, four
 * customers and about a dozen orders in every state an operator meets (unpaid,
 * paid, partly fulfilled, shipped, delivered, picked up, returned, refunded,
 * canceled), plus a few order notes.
 *
 * Run with `npx medusa exec ./src/scripts/seed-demo.ts` (or `npm run seed`).
 * Every step looks for what it would create first, so a second run neither
 * duplicates nor fails; once a run has finished, later runs stop right away.
 * Orders go through the real storefront path (cart, shipping method, payment
 * session, cart completion) and are then moved on with Medusa's own workflows.
 */
import { SHIPMENT_MODULE } from "../modules/shipment"
import type ShipmentModuleService from "../modules/shipment/service"
import { TEST_ORDER_MODULE } from "../modules/test-order"
import { saveParcelTemplateWorkflow } from "../workflows/labels/workflows/parcel-templates"
import {
  DEMO_DELIVERY_ORDERS,
  deliverNow,
  ensureDemoDeliveryProducts,
  shouldSeedDemoDeliveries,
} from "./seed-demo-deliveries"
import type TestOrderModuleService from "../modules/test-order/service"
import { placeTestOrderWorkflow } from "../workflows/test-orders/workflows/place-test-order"
import type { ExecArgs, MedusaContainer } from "@medusajs/framework/types"
import {
  ContainerRegistrationKeys,
  MedusaError,
  Modules,
  ProductStatus,
} from "@medusajs/framework/utils"
import {
  addShippingMethodToCartWorkflow,
  beginReceiveReturnWorkflow,
  beginReturnOrderWorkflow,
  cancelOrderWorkflow,
  capturePaymentWorkflow,
  completeCartWorkflow,
  confirmReturnReceiveWorkflow,
  confirmReturnRequestWorkflow,
  createApiKeysWorkflow,
  createCartWorkflow,
  createCustomersWorkflow,
  createInventoryLevelsWorkflow,
  createLinksWorkflow,
  createLocationFulfillmentSetWorkflow,
  createOrderFulfillmentWorkflow,
  createPaymentCollectionForCartWorkflow,
  createPaymentSessionsWorkflow,
  createProductsWorkflow,
  createRegionsWorkflow,
  createReturnReasonsWorkflow,
  createReturnShippingMethodWorkflow,
  createSalesChannelsWorkflow,
  createServiceZonesWorkflow,
  createShippingOptionsWorkflow,
  createShippingProfilesWorkflow,
  createStockLocationsWorkflow,
  createStoresWorkflow,
  createTaxRegionsWorkflow,
  linkSalesChannelsToApiKeyWorkflow,
  linkSalesChannelsToStockLocationWorkflow,
  markOrderFulfillmentAsDeliveredWorkflow,
  receiveItemReturnRequestWorkflow,
  refundPaymentWorkflow,
  requestItemReturnWorkflow,
  updateStoresWorkflow,
} from "@medusajs/medusa/core-flows"
import {
  createManualShipmentWorkflow,
  createOrderNoteWorkflow,
  recordShipmentEventWorkflow,
  updateShipmentWorkflow,
} from "../workflows"

// ---------------------------------------------------------------------------
// Demo data
// ---------------------------------------------------------------------------

/** A product with this handle exists once the catalogue has been seeded. */
const MARKER_PRODUCT_HANDLE = "order-ops-demo-tee"
/** Set in the store's metadata when a seed run has finished. */
const STORE_MARKER_KEY = "order_ops_demo_seeded_at"

const SALES_CHANNEL_NAME = "Default Sales Channel"
const REGION_NAME = "Europe"
const STOCK_LOCATION_NAME = "Main Warehouse"
const SHIPPING_SET_NAME = "Main Warehouse – shipping"
const PICKUP_SET_NAME = "Main Warehouse – store pickup"
const API_KEY_TITLE = "Order Ops demo storefront"
const DIGITAL_PROFILE_NAME = "Digital products"
const MANUAL_PROVIDER = "manual_manual"
const PAYMENT_PROVIDER = "pp_system_default"
const TAX_PROVIDER = "tp_system"
const STOCKED_QUANTITY = 1000

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
const REGION_COUNTRIES = Object.keys(VAT_RATES)
const PICKUP_COUNTRIES = ["dk"]

type DeliveryKey = "standard" | "express" | "pickup" | "digital" | "return"

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

type VariantSpec = {
  title: string
  sku: string
  options: Record<string, string>
  eur: number
  usd: number
}

type ProductSpec = {
  title: string
  handle: string
  description: string
  digital: boolean
  weight?: number
  option: { title: string; values: string[] }
  variants: VariantSpec[]
}

/** Builds one variant per option value, all at the same price. */
function sizedVariants(
  skuPrefix: string,
  optionTitle: string,
  values: string[],
  eur: number,
  usd: number
): VariantSpec[] {
  return values.map((value) => ({
    title: value,
    sku: `${skuPrefix}-${value.toUpperCase().replace(/\s+/g, "")}`,
    options: { [optionTitle]: value },
    eur,
    usd,
  }))
}

const PRODUCTS: ProductSpec[] = [
  {
    title: "Order Ops Tee",
    handle: MARKER_PRODUCT_HANDLE,
    description: "Organic cotton T-shirt with the Order Ops logo.",
    digital: false,
    weight: 200,
    option: { title: "Size", values: ["S", "M", "L", "XL"] },
    variants: sizedVariants("OOPS-TEE", "Size", ["S", "M", "L", "XL"], 25, 29),
  },
  {
    title: "Enamel Mug",
    handle: "order-ops-demo-mug",
    description: "A 350 ml enamel mug for long fulfillment shifts.",
    digital: false,
    weight: 350,
    option: { title: "Colour", values: ["White", "Black"] },
    variants: sizedVariants("OOPS-MUG", "Colour", ["White", "Black"], 14, 16),
  },
  {
    title: "Warehouse Hoodie",
    handle: "order-ops-demo-hoodie",
    description: "Heavyweight hoodie, warm enough for the loading dock.",
    digital: false,
    weight: 650,
    option: { title: "Size", values: ["S", "M", "L"] },
    variants: sizedVariants("OOPS-HOODIE", "Size", ["S", "M", "L"], 59, 65),
  },
  {
    title: "Order Operations Handbook (e-book)",
    handle: "order-ops-demo-ebook",
    description: "The field guide to running a calm order desk, as an e-book.",
    digital: true,
    option: { title: "Format", values: ["PDF", "EPUB"] },
    variants: sizedVariants("OOPS-EBOOK", "Format", ["PDF", "EPUB"], 12, 14),
  },
  {
    title: "Label Printer Software License",
    handle: "order-ops-demo-license",
    description: "A license key for the label printer companion app.",
    digital: true,
    option: { title: "Seats", values: ["1 seat", "5 seats"] },
    variants: [
      {
        title: "1 seat",
        sku: "OOPS-LICENSE-1",
        options: { Seats: "1 seat" },
        eur: 49,
        usd: 55,
      },
      {
        title: "5 seats",
        sku: "OOPS-LICENSE-5",
        options: { Seats: "5 seats" },
        eur: 199,
        usd: 219,
      },
    ],
  },
  {
    title: "Game Server VIP Rank",
    handle: "order-ops-demo-vip-rank",
    description: "VIP rank on the community game server, applied after purchase.",
    digital: true,
    option: { title: "Duration", values: ["30 days", "365 days"] },
    variants: [
      {
        title: "30 days",
        sku: "OOPS-VIP-30",
        options: { Duration: "30 days" },
        eur: 9,
        usd: 10,
      },
      {
        title: "365 days",
        sku: "OOPS-VIP-365",
        options: { Duration: "365 days" },
        eur: 79,
        usd: 89,
      },
    ],
  },
]

type DemoAddress = {
  first_name: string
  last_name: string
  address_1: string
  city: string
  postal_code: string
  country_code: string
  phone: string
}

type CustomerSpec = { email: string; address: DemoAddress }

const CUSTOMERS: CustomerSpec[] = [
  {
    email: "ada@example.com",
    address: {
      first_name: "Ada",
      last_name: "Lovelace",
      address_1: "12 St James's Square",
      city: "London",
      postal_code: "SW1Y 4JH",
      country_code: "gb",
      phone: "+44 20 7946 0012",
    },
  },
  {
    email: "marie@example.com",
    address: {
      first_name: "Marie",
      last_name: "Curie",
      address_1: "11 Rue Pierre et Marie Curie",
      city: "Paris",
      postal_code: "75005",
      country_code: "fr",
      phone: "+33 1 44 27 00 11",
    },
  },
  {
    email: "niels@example.com",
    address: {
      first_name: "Niels",
      last_name: "Bohr",
      address_1: "Blegdamsvej 17",
      city: "Copenhagen",
      postal_code: "2100",
      country_code: "dk",
      phone: "+45 35 32 00 17",
    },
  },
  {
    email: "astrid@example.com",
    address: {
      first_name: "Astrid",
      last_name: "Lindgren",
      address_1: "Dalagatan 46",
      city: "Stockholm",
      postal_code: "113 24",
      country_code: "se",
      phone: "+46 8 555 004 46",
    },
  },
]

const RETURN_REASONS = [
  { value: "wrong_size", label: "Wrong size", description: "The item does not fit." },
  { value: "changed_mind", label: "Changed mind", description: "The customer no longer wants the item." },
  { value: "damaged", label: "Arrived damaged", description: "The item was damaged in transit." },
]

// ---------------------------------------------------------------------------
// Seed context
// ---------------------------------------------------------------------------

type Logger = { info(message: string): void; warn(message: string): void }

export type SeedContext = {
  container: MedusaContainer
  logger: Logger
  regionId: string
  salesChannelId: string
  locationId: string
  options: Record<DeliveryKey, string>
  variants: Map<string, { id: string; digital: boolean }>
  customers: Map<string, { id: string; address: DemoAddress }>
  returnReasons: Map<string, string>
  refundReasonId: string | undefined
  adminUserId: string | null
  /** Our shipment for each physical fulfillment the seed created. */
  shipments: Map<string, string>
}

type OrderLine = { sku: string; quantity: number; metadata?: Record<string, unknown> }

type PlacedItem = { id: string; sku: string; quantity: number; digital: boolean }

export type PlacedOrder = {
  id: string
  display_id: number
  email: string
  delivery: Exclude<DeliveryKey, "digital" | "return">
  items: PlacedItem[]
  payment_id: string
}

/** Loose shape of a linked record in a Query result. */
type MaybeRecord = { id?: string | null } | null | undefined

/** The ids of the records in a Query relation, skipping empty entries. */
function idsOf(list: ReadonlyArray<MaybeRecord> | null | undefined): string[] {
  return (list ?? []).flatMap((entry) => (entry?.id ? [entry.id] : []))
}

// ---------------------------------------------------------------------------
// Store set-up steps
// ---------------------------------------------------------------------------

/**
 * Makes sure the store exists, supports EUR (as default) and USD next to any
 * currency it already has, and has a default sales channel.
 */
async function ensureStore(container: MedusaContainer, logger: Logger) {
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
async function ensureRegion(container: MedusaContainer, logger: Logger): Promise<string> {
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
async function ensureStockLocation(
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
async function ensureShippingProfiles(container: MedusaContainer, logger: Logger) {
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
async function ensureServiceZone(
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
async function ensureShippingOptions(
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
async function ensurePublishableKey(
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
async function ensureReturnReasons(container: MedusaContainer, logger: Logger) {
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

/**
 * Finds or creates the products and stocks every inventory-managed variant
 * at the warehouse. Returns the variants by SKU.
 */
async function ensureProducts(
  container: MedusaContainer,
  logger: Logger,
  salesChannelId: string,
  locationId: string,
  profiles: { default: string; digital: string }
) {
  const productModule = container.resolve(Modules.PRODUCT)
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const handles = PRODUCTS.map((p) => p.handle)

  const existing = await productModule.listProducts({ handle: handles })
  const missing = PRODUCTS.filter((spec) => !existing.some((p) => p.handle === spec.handle))
  if (missing.length) {
    await createProductsWorkflow(container).run({
      input: {
        products: missing.map((spec) => ({
          title: spec.title,
          handle: spec.handle,
          description: spec.description,
          status: ProductStatus.PUBLISHED,
          weight: spec.weight,
          shipping_profile_id: spec.digital ? profiles.digital : profiles.default,
          metadata: spec.digital ? { order_ops_digital: true } : undefined,
          options: [spec.option],
          sales_channels: [{ id: salesChannelId }],
          variants: spec.variants.map((variant) => ({
            title: variant.title,
            sku: variant.sku,
            options: variant.options,
            manage_inventory: !spec.digital,
            prices: [
              { currency_code: "eur", amount: variant.eur },
              { currency_code: "usd", amount: variant.usd },
            ],
          })),
        })),
      },
    })
    logger.info(`Created products: ${missing.map((p) => p.title).join(", ")}.`)
  }

  const { data: variants } = await query.graph({
    entity: "product_variant",
    fields: [
      "id",
      "sku",
      "manage_inventory",
      "inventory_items.inventory_item_id",
      "inventory_items.inventory.location_levels.location_id",
    ],
    filters: { sku: PRODUCTS.flatMap((p) => p.variants.map((v) => v.sku)) },
  })

  const bySku = new Map<string, { id: string; digital: boolean }>()
  const levelsToCreate: { inventory_item_id: string; location_id: string; stocked_quantity: number }[] =
    []
  for (const variant of variants) {
    const sku = variant.sku ?? ""
    const spec = PRODUCTS.find((p) => p.variants.some((v) => v.sku === sku))
    bySku.set(sku, { id: variant.id, digital: spec?.digital ?? false })
    for (const link of variant.inventory_items ?? []) {
      const inventoryItemId = link?.inventory_item_id
      if (!inventoryItemId) {
        continue
      }
      const stocked = (link.inventory?.location_levels ?? []).some(
        (level: { location_id?: string | null } | null) => level?.location_id === locationId
      )
      if (!stocked) {
        levelsToCreate.push({
          inventory_item_id: inventoryItemId,
          location_id: locationId,
          stocked_quantity: STOCKED_QUANTITY,
        })
      }
    }
  }
  if (levelsToCreate.length) {
    await createInventoryLevelsWorkflow(container).run({
      input: { inventory_levels: levelsToCreate },
    })
    logger.info(`Stocked ${levelsToCreate.length} inventory items at "${STOCK_LOCATION_NAME}".`)
  }
  return bySku
}

/** Finds or creates the demo customers, each with a default address. */
async function ensureCustomers(container: MedusaContainer, logger: Logger) {
  const customerModule = container.resolve(Modules.CUSTOMER)
  const emails = CUSTOMERS.map((c) => c.email)

  const existing = await customerModule.listCustomers({ email: emails })
  const missing = CUSTOMERS.filter((c) => !existing.some((e) => e.email === c.email))
  if (missing.length) {
    await createCustomersWorkflow(container).run({
      input: {
        customersData: missing.map(({ email, address }) => ({
          email,
          first_name: address.first_name,
          last_name: address.last_name,
          phone: address.phone,
          addresses: [
            {
              ...address,
              address_name: "Home",
              is_default_shipping: true,
              is_default_billing: true,
            },
          ],
        })),
      },
    })
    logger.info(`Created customers: ${missing.map((c) => c.email).join(", ")}.`)
  }

  const all = await customerModule.listCustomers({ email: emails })
  const byEmail = new Map<string, { id: string; address: DemoAddress }>()
  for (const spec of CUSTOMERS) {
    const customer = all.find((c) => c.email === spec.email)
    if (customer) {
      byEmail.set(spec.email, { id: customer.id, address: spec.address })
    }
  }
  return byEmail
}

// ---------------------------------------------------------------------------
// Orders
// ---------------------------------------------------------------------------

/** Reads back what the scenarios need from an order just placed. */
async function loadPlacedOrder(
  ctx: SeedContext,
  orderId: string,
  delivery: PlacedOrder["delivery"]
): Promise<PlacedOrder> {
  const orderModule = ctx.container.resolve(Modules.ORDER)
  const query = ctx.container.resolve(ContainerRegistrationKeys.QUERY)

  const order = await orderModule.retrieveOrder(orderId, { relations: ["items"] })
  const { data } = await query.graph({
    entity: "order",
    fields: ["id", "payment_collections.payments.id"],
    filters: { id: orderId },
  })
  const paymentId = (data[0]?.payment_collections ?? [])
    .flatMap((collection: { payments?: ReadonlyArray<MaybeRecord> | null } | null) =>
      idsOf(collection?.payments)
    )
    .at(0)
  if (!paymentId) {
    throw new MedusaError(
      MedusaError.Types.UNEXPECTED_STATE,
      `Order #${order.display_id} has no payment after cart completion.`
    )
  }

  return {
    id: order.id,
    display_id: order.display_id,
    email: order.email ?? "",
    delivery,
    items: (order.items ?? []).map((item) => {
      const sku = item.variant_sku ?? ""
      return {
        id: item.id,
        sku,
        quantity: Number(item.quantity),
        digital: ctx.variants.get(sku)?.digital ?? false,
      }
    }),
    payment_id: paymentId,
  }
}

/**
 * Places an order the way a storefront does: cart with addresses and items,
 * shipping method(s) per shipping profile, a payment session with the system
 * provider, then cart completion (which authorizes the payment).
 */
export async function placeOrder(
  ctx: SeedContext,
  email: string,
  lines: OrderLine[],
  delivery: PlacedOrder["delivery"] = "standard"
): Promise<PlacedOrder> {
  const customer = ctx.customers.get(email)
  if (!customer) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, `Demo customer ${email} not found.`)
  }

  const items = lines.map((line) => {
    const variant = ctx.variants.get(line.sku)
    if (!variant) {
      throw new MedusaError(MedusaError.Types.NOT_FOUND, `Demo variant ${line.sku} not found.`)
    }
    return { variant_id: variant.id, quantity: line.quantity, digital: variant.digital, metadata: line.metadata }
  })

  const { result: cart } = await createCartWorkflow(ctx.container).run({
    input: {
      region_id: ctx.regionId,
      sales_channel_id: ctx.salesChannelId,
      email,
      customer_id: customer.id,
      shipping_address: customer.address,
      billing_address: customer.address,
      items: items.map(({ variant_id, quantity, metadata }) => ({ variant_id, quantity, ...(metadata ? { metadata } : {}) })),
    },
  })

  const shippingOptions: { id: string }[] = []
  if (items.some((i) => !i.digital)) {
    shippingOptions.push({ id: ctx.options[delivery] })
  }
  if (items.some((i) => i.digital)) {
    shippingOptions.push({ id: ctx.options.digital })
  }
  await addShippingMethodToCartWorkflow(ctx.container).run({
    input: { cart_id: cart.id, options: shippingOptions },
  })

  const { result: collection } = await createPaymentCollectionForCartWorkflow(ctx.container).run({
    input: { cart_id: cart.id },
  })
  await createPaymentSessionsWorkflow(ctx.container).run({
    input: {
      payment_collection_id: collection.id,
      provider_id: PAYMENT_PROVIDER,
      customer_id: customer.id,
    },
  })

  const { result } = await completeCartWorkflow(ctx.container).run({ input: { id: cart.id } })
  return loadPlacedOrder(ctx, result.id, delivery)
}

/** Picks order items by SKU; `quantity` defaults to the whole line. */
function pick(order: PlacedOrder, lines: { sku: string; quantity?: number }[]) {
  return lines.map((line) => {
    const item = order.items.find((i) => i.sku === line.sku)
    if (!item) {
      throw new MedusaError(
        MedusaError.Types.NOT_FOUND,
        `Order #${order.display_id} has no item ${line.sku}.`
      )
    }
    return { id: item.id, quantity: line.quantity ?? item.quantity }
  })
}

/** Items of an order that ship physically, or the digital ones. */
function itemsOfKind(order: PlacedOrder, digital: boolean) {
  return order.items
    .filter((i) => i.digital === digital)
    .map((i) => ({ id: i.id, quantity: i.quantity }))
}

export async function capture(ctx: SeedContext, order: PlacedOrder) {
  await capturePaymentWorkflow(ctx.container).run({
    input: { payment_id: order.payment_id, captured_by: ctx.adminUserId ?? undefined },
  })
}

/**
 * Creates a fulfillment from the warehouse. Physical items go through the
 * plugin's manual shipment (a Medusa fulfillment plus our shipment, waiting to
 * ship or, for store pickup, to be collected); digital items go out with the
 * "Digital delivery" option through Medusa directly. All items must share a
 * shipping profile.
 */
async function fulfill(
  ctx: SeedContext,
  order: PlacedOrder,
  items: { id: string; quantity: number }[],
  digital = false
): Promise<string> {
  if (digital) {
    const { result } = await createOrderFulfillmentWorkflow(ctx.container).run({
      input: {
        order_id: order.id,
        items,
        location_id: ctx.locationId,
        shipping_option_id: ctx.options.digital,
        created_by: ctx.adminUserId ?? undefined,
      },
    })
    return result.id
  }
  const { result } = await createManualShipmentWorkflow(ctx.container).run({
    input: {
      order_id: order.id,
      items: items.map((i) => ({ line_item_id: i.id, quantity: i.quantity })),
      shipping_point: order.delivery === "pickup" ? "pickup" : "local",
      mark_shipped: false,
      location_id: ctx.locationId,
      shipping_option_id: ctx.options[order.delivery],
      actor_id: ctx.adminUserId,
    },
  })
  ctx.shipments.set(result.fulfillment_id!, result.id)
  return result.fulfillment_id!
}

function shipmentOf(ctx: SeedContext, fulfillmentId: string): string {
  const id = ctx.shipments.get(fulfillmentId)
  if (!id) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, `No shipment for fulfillment ${fulfillmentId}`)
  }
  return id
}

/** Hands a shipment to DHL with a tracking number: Shipped, in Medusa too. */
async function ship(
  ctx: SeedContext,
  order: PlacedOrder,
  fulfillmentId: string,
  _items: { id: string; quantity: number }[]
) {
  const trackingNumber = `DEMO${String(order.display_id).padStart(4, "0")}DK`
  await updateShipmentWorkflow(ctx.container).run({
    input: {
      shipment_id: shipmentOf(ctx, fulfillmentId),
      carrier: "dhl",
      tracking_number: trackingNumber,
      estimated_delivery_at: new Date(Date.now() + 3 * 86400000),
      status: "shipped",
      actor_id: ctx.adminUserId,
    },
  })
}

/** A carrier scan: moves the shipment along (what a tracking webhook would do). */
async function track(
  ctx: SeedContext,
  fulfillmentId: string,
  status: "in_transit" | "out_for_delivery" | "delivery_failed",
  location: string,
  message: string
) {
  await recordShipmentEventWorkflow(ctx.container).run({
    input: { shipment_id: shipmentOf(ctx, fulfillmentId), status, source: "system", location, message },
  })
}

/** Delivered (or picked up at the store); in Medusa too. */
async function deliver(ctx: SeedContext, order: PlacedOrder, fulfillmentId: string) {
  const shipmentId = ctx.shipments.get(fulfillmentId)
  if (!shipmentId) {
    await markOrderFulfillmentAsDeliveredWorkflow(ctx.container).run({
      input: { orderId: order.id, fulfillmentId },
    })
    return
  }
  await recordShipmentEventWorkflow(ctx.container).run({
    input: {
      shipment_id: shipmentId,
      status: "delivered",
      source: "manual",
      actor_id: ctx.adminUserId,
      message: order.delivery === "pickup" ? "Collected at the store" : "Delivered to the customer",
    },
  })
}

/** Fulfills, ships and delivers every physical item, and delivers the digital ones. */
async function deliverEverything(ctx: SeedContext, order: PlacedOrder) {
  const physical = itemsOfKind(order, false)
  if (physical.length) {
    const fulfillmentId = await fulfill(ctx, order, physical)
    if (order.delivery !== "pickup") {
      await ship(ctx, order, fulfillmentId, physical)
      await track(ctx, fulfillmentId, "in_transit", "Copenhagen hub", "Parcel sorted")
      await track(ctx, fulfillmentId, "out_for_delivery", "Local depot", "With the courier")
    }
    await deliver(ctx, order, fulfillmentId)
  }
  const digital = itemsOfKind(order, true)
  if (digital.length) {
    const fulfillmentId = await fulfill(ctx, order, digital, true)
    await deliver(ctx, order, fulfillmentId)
  }
}

async function refund(ctx: SeedContext, order: PlacedOrder, amount: number, note: string) {
  await refundPaymentWorkflow(ctx.container).run({
    input: {
      payment_id: order.payment_id,
      amount,
      note,
      refund_reason_id: ctx.refundReasonId,
      created_by: ctx.adminUserId ?? undefined,
    },
  })
}

/** What the order owes the customer (positive) after returns, from its summary. */
async function amountOwedToCustomer(ctx: SeedContext, order: PlacedOrder): Promise<number> {
  const query = ctx.container.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({
    entity: "order",
    fields: ["id", "summary.*"],
    filters: { id: order.id },
  })
  const pending = Number(data[0]?.summary?.pending_difference ?? 0)
  return pending < 0 ? -pending : 0
}

/**
 * Runs the admin return flow: request the items back with a prepaid return
 * label, then receive them all at the warehouse.
 */
async function returnItems(
  ctx: SeedContext,
  order: PlacedOrder,
  items: { id: string; quantity: number }[],
  reason: string,
  note: string
) {
  const { result: change } = await beginReturnOrderWorkflow(ctx.container).run({
    input: {
      order_id: order.id,
      location_id: ctx.locationId,
      description: note,
      created_by: ctx.adminUserId,
    },
  })
  const returnId = change.return_id
  if (!returnId) {
    throw new MedusaError(
      MedusaError.Types.UNEXPECTED_STATE,
      `Beginning a return on order #${order.display_id} returned no return id.`
    )
  }
  const reasonId = ctx.returnReasons.get(reason)

  await requestItemReturnWorkflow(ctx.container).run({
    input: {
      return_id: returnId,
      items: items.map((item) => ({ ...item, reason_id: reasonId })),
    },
  })
  await createReturnShippingMethodWorkflow(ctx.container).run({
    input: { return_id: returnId, shipping_option_id: ctx.options.return, custom_amount: 0 },
  })
  await confirmReturnRequestWorkflow(ctx.container).run({
    input: { return_id: returnId, confirmed_by: ctx.adminUserId ?? undefined },
  })

  await beginReceiveReturnWorkflow(ctx.container).run({
    input: { return_id: returnId, created_by: ctx.adminUserId ?? undefined },
  })
  await receiveItemReturnRequestWorkflow(ctx.container).run({
    input: { return_id: returnId, items },
  })
  await confirmReturnReceiveWorkflow(ctx.container).run({
    input: { return_id: returnId, confirmed_by: ctx.adminUserId ?? undefined },
  })
}

type SeededOrder = { order: PlacedOrder; state: string }

type OrderScenario = {
  state: string
  email: string
  lines: OrderLine[]
  delivery?: PlacedOrder["delivery"]
  /** Moves the freshly placed (payment authorized) order into its state. */
  then?: (ctx: SeedContext, order: PlacedOrder) => Promise<void>
  notes?: { body: string; visible_to_customer?: boolean }[]
}

const ORDER_SCENARIOS: OrderScenario[] = [
  {
    state: "unpaid (payment authorized, not captured)",
    email: "ada@example.com",
    lines: [
      { sku: "OOPS-TEE-M", quantity: 2 },
      { sku: "OOPS-MUG-WHITE", quantity: 1 },
    ],
  },
  {
    state: "unpaid (payment authorized, not captured)",
    email: "niels@example.com",
    lines: [
      { sku: "OOPS-HOODIE-L", quantity: 1 },
      { sku: "OOPS-EBOOK-PDF", quantity: 1 },
    ],
    delivery: "express",
  },
  {
    state: "paid (captured)",
    email: "marie@example.com",
    lines: [
      { sku: "OOPS-HOODIE-M", quantity: 1 },
      { sku: "OOPS-TEE-S", quantity: 3 },
    ],
    then: capture,
  },
  {
    state: "paid (captured, digital only)",
    email: "astrid@example.com",
    lines: [
      { sku: "OOPS-LICENSE-5", quantity: 1 },
      { sku: "OOPS-VIP-30", quantity: 2 },
    ],
    then: capture,
  },
  {
    state: "partially fulfilled",
    email: "ada@example.com",
    lines: [
      { sku: "OOPS-TEE-L", quantity: 2 },
      { sku: "OOPS-MUG-BLACK", quantity: 2 },
      { sku: "OOPS-HOODIE-S", quantity: 1 },
    ],
    then: async (ctx, order) => {
      await capture(ctx, order)
      await fulfill(
        ctx,
        order,
        pick(order, [{ sku: "OOPS-TEE-L" }, { sku: "OOPS-MUG-BLACK", quantity: 1 }])
      )
    },
    notes: [
      {
        body: "Second black mug and the hoodie are on the next pallet; ship them together on Thursday.",
      },
    ],
  },
  {
    state: "fulfilled, not shipped",
    email: "niels@example.com",
    lines: [
      { sku: "OOPS-MUG-WHITE", quantity: 3 },
      { sku: "OOPS-TEE-XL", quantity: 1 },
    ],
    then: async (ctx, order) => {
      await capture(ctx, order)
      // A mis-pick: the first parcel was canceled before it left, then packed again.
      const first = await fulfill(ctx, order, itemsOfKind(order, false))
      await recordShipmentEventWorkflow(ctx.container).run({
        input: {
          shipment_id: shipmentOf(ctx, first),
          status: "canceled",
          source: "manual",
          actor_id: ctx.adminUserId,
          message: "Wrong mug colour packed",
          strict: true,
        },
      })
      await fulfill(ctx, order, itemsOfKind(order, false))
    },
    notes: [{ body: "Repacked after a mis-pick: white mugs, not black." }],
  },
  {
    state: "out for delivery (tracked by the carrier)",
    email: "astrid@example.com",
    lines: [{ sku: "OOPS-TEE-S", quantity: 2 }],
    then: async (ctx, order) => {
      await capture(ctx, order)
      const items = itemsOfKind(order, false)
      const fulfillmentId = await fulfill(ctx, order, items)
      await ship(ctx, order, fulfillmentId, items)
      await track(ctx, fulfillmentId, "in_transit", "Hamburg hub", "Parcel sorted")
      await track(ctx, fulfillmentId, "out_for_delivery", "Aarhus depot", "With the courier")
    },
  },
  {
    state: "delivery failed (nobody home)",
    email: "niels@example.com",
    lines: [{ sku: "OOPS-HOODIE-M", quantity: 1 }],
    then: async (ctx, order) => {
      await capture(ctx, order)
      const items = itemsOfKind(order, false)
      const fulfillmentId = await fulfill(ctx, order, items)
      await ship(ctx, order, fulfillmentId, items)
      await track(ctx, fulfillmentId, "in_transit", "Copenhagen hub", "Parcel sorted")
      await track(ctx, fulfillmentId, "delivery_failed", "Odense", "Nobody home; a card was left")
    },
    notes: [{ body: "Customer called: redeliver on Saturday morning." }],
  },
  {
    state: "shipped (tracking label)",
    email: "marie@example.com",
    lines: [
      { sku: "OOPS-HOODIE-L", quantity: 2 },
      { sku: "OOPS-TEE-M", quantity: 1 },
    ],
    delivery: "express",
    then: async (ctx, order) => {
      await capture(ctx, order)
      const items = itemsOfKind(order, false)
      const fulfillmentId = await fulfill(ctx, order, items)
      await ship(ctx, order, fulfillmentId, items)
    },
    notes: [
      {
        body: "Your parcel is on its way with express delivery. It should arrive tomorrow.",
        visible_to_customer: true,
      },
      { body: "Customer asked for delivery to the front desk; noted on the label." },
    ],
  },
  {
    state: "delivered",
    email: "astrid@example.com",
    lines: [
      { sku: "OOPS-TEE-S", quantity: 1 },
      { sku: "OOPS-MUG-BLACK", quantity: 1 },
      { sku: "OOPS-EBOOK-EPUB", quantity: 1 },
    ],
    then: async (ctx, order) => {
      await capture(ctx, order)
      await deliverEverything(ctx, order)
    },
  },
  {
    state: "picked up (store pickup)",
    email: "niels@example.com",
    lines: [
      { sku: "OOPS-HOODIE-M", quantity: 1 },
      { sku: "OOPS-MUG-WHITE", quantity: 2 },
    ],
    delivery: "pickup",
    then: async (ctx, order) => {
      await capture(ctx, order)
      const fulfillmentId = await fulfill(ctx, order, itemsOfKind(order, false))
      await deliver(ctx, order, fulfillmentId)
    },
  },
  {
    state: "returned (all items received, item value refunded)",
    email: "ada@example.com",
    lines: [
      { sku: "OOPS-TEE-S", quantity: 2 },
      { sku: "OOPS-HOODIE-L", quantity: 1 },
    ],
    then: async (ctx, order) => {
      await capture(ctx, order)
      await deliverEverything(ctx, order)
      await returnItems(ctx, order, itemsOfKind(order, false), "wrong_size", "Both sizes too large.")
      const owed = await amountOwedToCustomer(ctx, order)
      if (owed > 0) {
        await refund(ctx, order, owed, "Refund for returned items.")
      }
    },
    notes: [
      {
        body: "Return received in good condition; refunded the items. Shipping is not refunded.",
      },
    ],
  },
  {
    state: "partially returned (1 of 2 tees received and refunded)",
    email: "marie@example.com",
    lines: [
      { sku: "OOPS-TEE-L", quantity: 2 },
      { sku: "OOPS-MUG-WHITE", quantity: 1 },
    ],
    then: async (ctx, order) => {
      await capture(ctx, order)
      await deliverEverything(ctx, order)
      await returnItems(
        ctx,
        order,
        pick(order, [{ sku: "OOPS-TEE-L", quantity: 1 }]),
        "changed_mind",
        "Customer kept one tee."
      )
      const owed = await amountOwedToCustomer(ctx, order)
      if (owed > 0) {
        await refund(ctx, order, owed, "Refund for the returned tee.")
      }
    },
  },
  {
    state: "refunded (full amount)",
    email: "astrid@example.com",
    lines: [
      { sku: "OOPS-VIP-365", quantity: 1 },
      { sku: "OOPS-EBOOK-PDF", quantity: 1 },
    ],
    then: async (ctx, order) => {
      await capture(ctx, order)
      const amount = await capturedAmount(ctx, order)
      await refund(ctx, order, amount, "Purchased by mistake; refunded in full.")
    },
  },
  {
    state: "partially refunded",
    email: "ada@example.com",
    lines: [
      { sku: "OOPS-HOODIE-M", quantity: 1 },
      { sku: "OOPS-TEE-M", quantity: 1 },
    ],
    then: async (ctx, order) => {
      await capture(ctx, order)
      await deliverEverything(ctx, order)
      await refund(ctx, order, 10, "Goodwill: parcel arrived two days late.")
    },
  },
  {
    state: "canceled",
    email: "niels@example.com",
    lines: [
      { sku: "OOPS-MUG-BLACK", quantity: 1 },
      { sku: "OOPS-TEE-S", quantity: 1 },
    ],
    then: async (ctx, order) => {
      await cancelOrderWorkflow(ctx.container).run({
        input: { order_id: order.id, canceled_by: ctx.adminUserId ?? undefined },
      })
    },
    notes: [{ body: "Canceled at the customer's request before packing." }],
  },
]

/** The amount captured on the order's payment. */
async function capturedAmount(ctx: SeedContext, order: PlacedOrder): Promise<number> {
  const paymentModule = ctx.container.resolve(Modules.PAYMENT)
  const payment = await paymentModule.retrievePayment(order.payment_id, {
    relations: ["captures"],
  })
  return (payment.captures ?? []).reduce((sum, c) => sum + Number(c.amount), 0)
}

/** Places every demo order and moves it into its state; adds the notes. */
async function seedOrders(ctx: SeedContext): Promise<SeededOrder[]> {
  const seeded: SeededOrder[] = []
  for (const scenario of ORDER_SCENARIOS) {
    const order = await placeOrder(ctx, scenario.email, scenario.lines, scenario.delivery)
    if (scenario.then) {
      await scenario.then(ctx, order)
    }
    for (const note of scenario.notes ?? []) {
      await createOrderNoteWorkflow(ctx.container).run({
        input: {
          order_id: order.id,
          body: note.body,
          visible_to_customer: note.visible_to_customer ?? false,
          author_id: ctx.adminUserId,
        },
      })
    }
    ctx.logger.info(`Placed order #${order.display_id} for ${order.email}.`)
    seeded.push({ order, state: scenario.state })
  }
  return seeded
}

// ---------------------------------------------------------------------------
// Entry point
// ---------------------------------------------------------------------------

/**
 * Seeds the Order Ops demo store. Safe to run again: a finished seed is
 * detected and skipped, and an interrupted one is completed without
 * duplicating what already exists.
 */
/**
 * Places two test orders (one paid, one unpaid; random physical + digital
 * mix, generated test customers) through `placeTestOrderWorkflow`, unless
 * test orders exist already. Idempotent.
 *
 * @returns the order ids placed this run.
 */
export async function seedDemoTestOrders(
  container: MedusaContainer,
  actorId: string | null = null
): Promise<string[]> {
  const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
  const testOrders: TestOrderModuleService = container.resolve(TEST_ORDER_MODULE)
  const [existing] = await testOrders.listTestOrders({}, { take: 1, select: ["id"] })
  if (existing) {
    logger.info("Test orders already exist; not placing new ones.")
    return []
  }
  const placed: string[] = []
  for (const payment of ["paid", "unpaid"] as const) {
    const { result } = await placeTestOrderWorkflow(container).run({
      input: { payment, actor_id: actorId },
    })
    placed.push(result.order.id)
    logger.info(`  test order #${result.order.display_id} (${payment})`)
  }
  return placed
}

/** The packages the demo's label drawer offers. */
export const DEMO_PARCEL_TEMPLATES = [
  { name: "Small box", length: 25, width: 20, height: 10, distance_unit: "cm", weight: 0.8, mass_unit: "kg", is_default: true },
  { name: "Medium box", length: 40, width: 30, height: 20, distance_unit: "cm", weight: 2, mass_unit: "kg", is_default: false },
  { name: "Poly mailer", length: 35, width: 25, height: 3, distance_unit: "cm", weight: 0.3, mass_unit: "kg", is_default: false },
] as const

/** Creates the demo parcel templates that are missing (by name). */
async function ensureParcelTemplates(container: MedusaContainer, logger: Logger) {
  const shipments = container.resolve<ShipmentModuleService>(SHIPMENT_MODULE)
  const existing = new Set(
    ((await shipments.listParcelTemplates({}, { select: ["name"] })) as { name: string }[]).map((t) => t.name)
  )
  for (const template of DEMO_PARCEL_TEMPLATES) {
    if (!existing.has(template.name)) {
      await saveParcelTemplateWorkflow(container).run({ input: { ...template } })
      logger.info(`Created parcel template "${template.name}".`)
    }
  }
}

export default async function seedDemo({ container }: ExecArgs): Promise<void> {
  const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
  const productModule = container.resolve(Modules.PRODUCT)
  const orderModule = container.resolve(Modules.ORDER)
  const userModule = container.resolve(Modules.USER)
  const paymentModule = container.resolve(Modules.PAYMENT)

  const store = await ensureStore(container, logger)
  // Parcel templates for the sandbox carrier's label drawer (also for stores seeded before labels existed).
  await ensureParcelTemplates(container, logger)
  const markerProducts = await productModule.listProducts({ handle: MARKER_PRODUCT_HANDLE })
  if (store.metadata[STORE_MARKER_KEY] && markerProducts.length) {
    logger.info("demo data already seeded")
    return
  }

  logger.info("Seeding the Order Ops demo store…")
  const regionId = await ensureRegion(container, logger)
  const locationId = await ensureStockLocation(container, logger, store.salesChannelId)
  const profiles = await ensureShippingProfiles(container, logger)
  const shippingZone = await ensureServiceZone(container, logger, locationId, {
    name: SHIPPING_SET_NAME,
    type: "shipping",
    zone: "Europe",
    countries: REGION_COUNTRIES,
  })
  const pickupZone = await ensureServiceZone(container, logger, locationId, {
    name: PICKUP_SET_NAME,
    type: "pickup",
    zone: "Copenhagen pickup counter",
    countries: PICKUP_COUNTRIES,
  })
  const options = await ensureShippingOptions(
    container,
    logger,
    regionId,
    { shipping: shippingZone, pickup: pickupZone },
    profiles
  )
  await updateStoresWorkflow(container).run({
    input: {
      selector: { id: store.storeId },
      update: { default_region_id: regionId, default_location_id: locationId },
    },
  })
  const publishableKey = await ensurePublishableKey(container, logger, store.salesChannelId)
  const returnReasons = await ensureReturnReasons(container, logger)
  const variants = await ensureProducts(container, logger, store.salesChannelId, locationId, profiles)
  const customers = await ensureCustomers(container, logger)

  const adminEmail = process.env.DEMO_ADMIN_EMAIL || "admin@medusa-order-ops.test"
  const [admin] = await userModule.listUsers({ email: adminEmail })
  // One of the refund reasons Medusa's migrations create.
  const [refundReason] = await paymentModule.listRefundReasons({
    label: "Customer Care Adjustment",
  })

  const ctx: SeedContext = {
    container,
    logger,
    regionId,
    salesChannelId: store.salesChannelId,
    locationId,
    options,
    variants,
    customers,
    returnReasons,
    refundReasonId: refundReason?.id,
    adminUserId: admin?.id ?? null,
    shipments: new Map(),
  }

  const existingOrders = await orderModule.listOrders(
    { customer_id: [...customers.values()].map((c) => c.id) },
    { select: ["id"], take: 1 }
  )
  let seeded: SeededOrder[] = []
  if (existingOrders.length) {
    logger.info("Demo customers already have orders; not placing new ones.")
  } else {
    seeded = await seedOrders(ctx)
  }

  // Jest runs (NODE_ENV=test) keep the demo's order list exact; tests seed test orders themselves.
  if (process.env.NODE_ENV !== "test") {
    await seedDemoTestOrders(container, ctx.adminUserId)
  }

  // Digital delivery: products per method and a few orders to watch (see seed-demo-deliveries.ts).
  if (shouldSeedDemoDeliveries() && (await ensureDemoDeliveryProducts(container, ctx.variants))) {
    for (const spec of DEMO_DELIVERY_ORDERS) {
      const order = await placeOrder(ctx, spec.email, spec.lines)
      await capture(ctx, order)
      await deliverNow(container, order.id)
      logger.info(`Demo order #${order.display_id}: ${spec.shows}`)
    }
  }

  await updateStoresWorkflow(container).run({
    input: {
      selector: { id: store.storeId },
      update: {
        metadata: { ...store.metadata, [STORE_MARKER_KEY]: new Date().toISOString() },
      },
    },
  })

  logger.info("Order Ops demo data is ready:")
  logger.info(`  products: ${PRODUCTS.length} (${variants.size} variants), customers: ${customers.size}`)
  logger.info(`  orders placed this run: ${seeded.length}`)
  for (const { order, state } of seeded) {
    logger.info(`    #${order.display_id}  ${state}  (${order.email})`)
  }
  logger.info(`  publishable API key: ${publishableKey}`)
}
