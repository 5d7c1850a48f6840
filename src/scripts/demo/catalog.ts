/** The demo catalogue: physical and digital products, stocked at the warehouse. */
import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules, ProductStatus } from "@medusajs/framework/utils"
import { createInventoryLevelsWorkflow, createProductsWorkflow } from "@medusajs/medusa/core-flows"
import type { Logger } from "./context"
import { MARKER_PRODUCT_HANDLE, STOCKED_QUANTITY, STOCK_LOCATION_NAME } from "./store"

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

export const PRODUCTS: ProductSpec[] = [
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

/**
 * Finds or creates the products and stocks every inventory-managed variant
 * at the warehouse. Returns the variants by SKU.
 */
export async function ensureProducts(
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
