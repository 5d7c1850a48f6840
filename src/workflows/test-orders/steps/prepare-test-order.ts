import { randomBytes } from "crypto"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import {
  chooseTestOrderShippingOptions,
  pickDefaultTestOrderItems,
  plausibleTestAddress,
  testCustomerEmail,
  throwIfInvalidTestOrderItems,
  type TestOrderShippingOptionSource,
  type TestOrderVariantSource,
} from "../utils/test-order-rules"

/** A shipping or billing address of a test order. */
export type TestOrderAddress = {
  first_name: string
  last_name: string
  address_1: string
  city: string
  postal_code: string
  country_code: string
}

/** What a test order is asked to be; everything is optional. */
export type PrepareTestOrderStepInput = {
  items?: { variant_id: string; quantity: number }[]
  region_id?: string | null
  customer_id?: string | null
  email?: string | null
  shipping_address?: TestOrderAddress | null
  shipping_option_id?: string | null
  payment?: "paid" | "unpaid"
}

/** Everything the test order will be, validated; nothing is written yet. */
export type TestOrderPlan = {
  region_id: string
  sales_channel_id: string | null
  items: { variant_id: string; quantity: number }[]
  shipping_option_ids: string[]
  address: TestOrderAddress
  email: string
  /** An existing customer to order as, or null to generate one. */
  customer_id: string | null
  generate_customer: boolean
  payment: "paid" | "unpaid"
}

export const prepareTestOrderStepId = "order-ops-prepare-test-order"

const invalid = (message: string) => new MedusaError(MedusaError.Types.INVALID_DATA, message)

type VariantRow = {
  id: string
  manage_inventory?: boolean | null
  allow_backorder?: boolean | null
  product?: TestOrderVariantSource["product"]
  inventory_items?: ({
    required_quantity?: number | null
    inventory?: {
      location_levels?: ({
        location_id: string
        stocked_quantity?: number | null
        reserved_quantity?: number | null
      } | null)[] | null
    } | null
  } | null)[] | null
}

/** Units of a variant sellable from the given locations (min over its inventory items). */
function availableAt(variant: VariantRow, locationIds: Set<string>): number | null {
  if (!variant.manage_inventory) {
    return null
  }
  const links = (variant.inventory_items ?? []).filter((l) => !!l)
  if (!links.length) {
    return 0
  }
  return Math.min(
    ...links.map((link) => {
      const levels = (link!.inventory?.location_levels ?? []).filter(
        (level) => !!level && locationIds.has(level.location_id)
      )
      const free = levels.reduce(
        (sum, level) =>
          sum + Number(level!.stocked_quantity ?? 0) - Number(level!.reserved_quantity ?? 0),
        0
      )
      return Math.floor(free / Math.max(Number(link!.required_quantity ?? 1), 1))
    })
  )
}

/**
 * Loads and validates everything a test order needs before anything is
 * written — region, variants and stock at the sales channel's locations,
 * customer, shipping options — and fills in the defaults (store's default
 * region, a random physical + digital mix, a generated customer, a plausible
 * address, the cheapest serving shipping option per shipping profile).
 *
 * @throws MedusaError INVALID_DATA naming the field (`region_id`,
 *   `items[0].variant_id`, `items[1].quantity`, `shipping_option_id`,
 *   `customer_id`).
 */
export const prepareTestOrderStep = createStep(
  prepareTestOrderStepId,
  async (input: PrepareTestOrderStepInput, { container }) => {
    const query = container.resolve(ContainerRegistrationKeys.QUERY)

    const { data: stores } = await query.graph({
      entity: "store",
      fields: ["id", "default_region_id", "default_sales_channel_id"],
    })
    const store = stores[0] as { default_region_id?: string | null; default_sales_channel_id?: string | null } | undefined

    let regionId = input.region_id ?? store?.default_region_id ?? null
    const { data: regions } = await query.graph({
      entity: "region",
      fields: ["id", "currency_code", "countries.iso_2", "created_at"],
      filters: regionId ? { id: regionId } : {},
      pagination: { take: 1, order: { created_at: "ASC" } },
    })
    const region = regions[0] as
      | { id: string; currency_code: string; countries?: ({ iso_2: string } | null)[] | null }
      | undefined
    if (!region) {
      throw invalid(
        input.region_id ? `region_id: no region ${input.region_id}` : "region_id: the store has no region"
      )
    }
    regionId = region.id
    const countries = (region.countries ?? []).flatMap((c) => (c ? [c.iso_2.toLowerCase()] : []))
    const address = input.shipping_address ?? plausibleTestAddress(countries[0] ?? "us")
    if (!countries.includes(address.country_code.toLowerCase())) {
      throw invalid(`shipping_address.country_code: ${address.country_code} is not in region ${region.id}`)
    }

    const salesChannelId = store?.default_sales_channel_id ?? null
    const locationIds = new Set<string>()
    if (salesChannelId) {
      const { data: channels } = await query.graph({
        entity: "sales_channel",
        fields: ["id", "stock_locations.id"],
        filters: { id: salesChannelId },
      })
      for (const location of (channels[0] as { stock_locations?: ({ id: string } | null)[] } | undefined)
        ?.stock_locations ?? []) {
        if (location) {
          locationIds.add(location.id)
        }
      }
    }

    const variantFields = [
      "id",
      "manage_inventory",
      "allow_backorder",
      "product.status",
      "product.metadata",
      "product.shipping_profile.id",
      "product.shipping_profile.type",
      "inventory_items.required_quantity",
      "inventory_items.inventory.location_levels.location_id",
      "inventory_items.inventory.location_levels.stocked_quantity",
      "inventory_items.inventory.location_levels.reserved_quantity",
    ]
    const requested = input.items
    const { data: variantRows } = await query.graph({
      entity: "product_variant",
      fields: variantFields,
      filters: requested ? { id: [...new Set(requested.map((i) => i.variant_id))] } : {},
      pagination: requested ? undefined : { take: 500 },
    })
    const variants: TestOrderVariantSource[] = (variantRows as unknown as VariantRow[]).map((v) => ({
      id: v.id,
      manage_inventory: v.manage_inventory,
      allow_backorder: v.allow_backorder,
      product: v.product,
      available: availableAt(v, locationIds),
    }))
    const items = requested ?? pickDefaultTestOrderItems(variants)
    throwIfInvalidTestOrderItems(items, variants)

    const byId = new Map(variants.map((v) => [v.id, v]))
    const profileIds = items.flatMap((i) => {
      const profile = byId.get(i.variant_id)?.product?.shipping_profile?.id
      return profile ? [profile] : []
    })
    if (profileIds.length < items.length) {
      const i = items.findIndex((item) => !byId.get(item.variant_id)?.product?.shipping_profile?.id)
      throw invalid(`items[${i}].variant_id: the product has no shipping profile`)
    }

    const { data: optionRows } = await query.graph({
      entity: "shipping_option",
      fields: [
        "id",
        "shipping_profile_id",
        "prices.amount",
        "prices.currency_code",
        "rules.attribute",
        "rules.value",
        "service_zone.geo_zones.country_code",
        "service_zone.fulfillment_set.type",
      ],
      // The requested option must be among these: it has to ship one of the items' profiles.
      filters: { shipping_profile_id: [...new Set(profileIds)] },
    })
    const options: TestOrderShippingOptionSource[] = (
      optionRows as unknown as {
        id: string
        shipping_profile_id?: string | null
        prices?: ({ amount: number; currency_code: string } | null)[] | null
        rules?: ({ attribute: string; value: string } | null)[] | null
        service_zone?: {
          geo_zones?: ({ country_code: string } | null)[] | null
          fulfillment_set?: { type?: string | null } | null
        } | null
      }[]
    ).map((o) => {
      const price = (o.prices ?? []).find((p) => p?.currency_code === region.currency_code)
      return {
        id: o.id,
        shipping_profile_id: o.shipping_profile_id ?? null,
        amount: price ? Number(price.amount) : null,
        countries: (o.service_zone?.geo_zones ?? []).flatMap((g) => (g ? [g.country_code.toLowerCase()] : [])),
        is_return: (o.rules ?? []).some((r) => r?.attribute === "is_return" && String(r.value) === "true"),
        is_pickup: o.service_zone?.fulfillment_set?.type === "pickup",
      }
    })
    const shippingOptionIds = chooseTestOrderShippingOptions({
      requested: input.shipping_option_id,
      country_code: address.country_code,
      profile_ids: profileIds,
      options,
    })

    const customerId = input.customer_id ?? null
    let email = input.email?.trim().toLowerCase() || null
    if (customerId) {
      const { data: customers } = await query.graph({
        entity: "customer",
        fields: ["id", "email"],
        filters: { id: customerId },
      })
      const customer = customers[0] as { id: string; email?: string | null } | undefined
      if (!customer) {
        throw invalid(`customer_id: no customer ${customerId}`)
      }
      email = email ?? customer.email ?? null
      if (!email) {
        throw invalid(`email: customer ${customerId} has no email; give one`)
      }
    }
    const generate = !customerId && !email
    const finalEmail = email ?? testCustomerEmail(randomBytes(4).toString("hex"))

    const plan: TestOrderPlan = {
      region_id: regionId,
      sales_channel_id: salesChannelId,
      items,
      shipping_option_ids: shippingOptionIds,
      address: { ...address, country_code: address.country_code.toLowerCase() },
      email: finalEmail,
      customer_id: customerId,
      generate_customer: generate,
      payment: input.payment ?? "paid",
    }
    return new StepResponse(plan)
  }
)
