import { MedusaError } from "@medusajs/framework/utils"

/** Domain of generated test customers' emails; never a real mailbox. */
export const TEST_CUSTOMER_EMAIL_DOMAIN = "order-ops.test"

/** Metadata key marking generated test customers and test carts. */
export const TEST_ORDER_METADATA_KEY = "order_ops_test"

/** The email of a generated test customer, e.g. `test+k3x9p2@order-ops.test`. */
export function testCustomerEmail(shortId: string): string {
  return `test+${shortId.toLowerCase()}@${TEST_CUSTOMER_EMAIL_DOMAIN}`
}

/** True for an address {@link testCustomerEmail} made. */
export function isTestCustomerEmail(email: string | null | undefined): boolean {
  return !!email && /^test\+[a-z0-9]+@order-ops\.test$/i.test(email.trim())
}

/** An order's `test_order` row as the notification rules need it (null: a real order). */
export type TestOrderNotificationFlag = { generated_customer?: boolean | null } | null | undefined

/**
 * Whether a customer notification about an order may go to `recipient`.
 * Real orders (`testOrder` null): always (the caller's own rules still
 * apply). Test orders: never when `test_orders.suppress_notifications` is
 * on; otherwise only when the recipient is the generated test customer's
 * address. Pure.
 */
export function mayNotifyAboutOrder(
  testOrder: TestOrderNotificationFlag,
  recipient: string | null | undefined,
  options: { test_orders: { suppress_notifications: boolean } }
): boolean {
  if (!testOrder) {
    return true
  }
  if (options.test_orders.suppress_notifications) {
    return false
  }
  return Boolean(testOrder.generated_customer) && isTestCustomerEmail(recipient)
}

/** A variant as the place-test-order validation sees it. */
export type TestOrderVariantSource = {
  id: string
  manage_inventory?: boolean | null
  allow_backorder?: boolean | null
  /** Units available at the sales channel's stock locations (null: not tracked). */
  available?: number | null
  product?: {
    status?: string | null
    metadata?: Record<string, unknown> | null
    shipping_profile?: { id?: string | null; type?: string | null } | null
  } | null
}

/** True for a digital variant: flagged product, or a product on a "digital" shipping profile. */
export function isDigitalVariant(variant: TestOrderVariantSource): boolean {
  return (
    variant.product?.metadata?.order_ops_digital === true ||
    variant.product?.shipping_profile?.type === "digital"
  )
}

const invalid = (message: string) => new MedusaError(MedusaError.Types.INVALID_DATA, message)

/**
 * Checks requested items against the loaded variants: every variant exists
 * on a published product, quantities are at least 1 and managed-inventory
 * variants have the stock. Throws INVALID_DATA naming the field
 * (`items[1].quantity`). Pure.
 */
export function throwIfInvalidTestOrderItems(
  items: { variant_id: string; quantity: number }[],
  variants: TestOrderVariantSource[]
): void {
  if (!items.length) {
    throw invalid("items: at least one item is required (or omit items for a random mix)")
  }
  const byId = new Map(variants.map((v) => [v.id, v]))
  const wanted = new Map<string, number>()
  items.forEach((item, i) => {
    if (!Number.isInteger(item.quantity) || item.quantity < 1) {
      throw invalid(`items[${i}].quantity: must be a whole number of at least 1`)
    }
    const variant = byId.get(item.variant_id)
    if (!variant || variant.product?.status !== "published") {
      throw invalid(`items[${i}].variant_id: no published product variant ${item.variant_id}`)
    }
    const total = (wanted.get(item.variant_id) ?? 0) + item.quantity
    wanted.set(item.variant_id, total)
    if (variant.manage_inventory && !variant.allow_backorder && (variant.available ?? 0) < total) {
      throw invalid(
        `items[${i}].quantity: only ${Math.max(variant.available ?? 0, 0)} of ${item.variant_id} in stock`
      )
    }
  })
}

/** True when a variant can be sold once now. */
export function isInStock(variant: TestOrderVariantSource): boolean {
  return !variant.manage_inventory || !!variant.allow_backorder || (variant.available ?? 0) >= 1
}

/**
 * The default items: one random in-stock physical variant and one random
 * digital variant, when the catalogue has them. `random` is injectable for
 * tests. Pure.
 */
export function pickDefaultTestOrderItems(
  variants: TestOrderVariantSource[],
  random: () => number = Math.random
): { variant_id: string; quantity: number }[] {
  const sellable = variants.filter((v) => v.product?.status === "published" && isInStock(v))
  const pick = (list: TestOrderVariantSource[]) =>
    list.length ? [{ variant_id: list[Math.floor(random() * list.length)].id, quantity: 1 }] : []
  const items = [
    ...pick(sellable.filter((v) => !isDigitalVariant(v))),
    ...pick(sellable.filter((v) => isDigitalVariant(v))),
  ]
  if (!items.length) {
    throw invalid("items: the catalogue has no published, in-stock variant to pick")
  }
  return items
}

/** A shipping option as the validation sees it. */
export type TestOrderShippingOptionSource = {
  id: string
  shipping_profile_id?: string | null
  /** Price in the region's currency, null when it has none. */
  amount?: number | null
  /** Countries its service zone serves. */
  countries: string[]
  is_return?: boolean
  is_pickup?: boolean
}

/**
 * Chooses the shipping options for a cart: the requested one (which must
 * serve the country and the profile of some item) or the cheapest serving
 * one per shipping profile of the items. Throws INVALID_DATA naming
 * `shipping_option_id` or `items`. Pure.
 */
export function chooseTestOrderShippingOptions(input: {
  requested?: string | null
  country_code: string
  profile_ids: string[]
  options: TestOrderShippingOptionSource[]
}): string[] {
  const serves = (o: TestOrderShippingOptionSource) =>
    !o.is_return &&
    o.amount !== null &&
    o.amount !== undefined &&
    o.countries.includes(input.country_code.toLowerCase())
  const chosen: string[] = []
  const profiles = [...new Set(input.profile_ids)]
  let requestedProfile: string | null = null
  if (input.requested) {
    const option = input.options.find((o) => o.id === input.requested)
    if (!option || !serves(option) || !profiles.includes(option.shipping_profile_id ?? "")) {
      throw invalid(
        `shipping_option_id: ${input.requested} does not exist or does not serve this cart's region, country and items`
      )
    }
    chosen.push(option.id)
    requestedProfile = option.shipping_profile_id ?? null
  }
  for (const profile of profiles) {
    if (profile === requestedProfile) {
      continue
    }
    const candidates = input.options
      .filter((o) => serves(o) && o.shipping_profile_id === profile)
      .sort((a, b) => Number(!!a.is_pickup) - Number(!!b.is_pickup) || (a.amount ?? 0) - (b.amount ?? 0))
    if (!candidates.length) {
      throw invalid(
        `${input.requested ? "shipping_option_id" : "items"}: no shipping option serves shipping profile ${profile} in ${input.country_code}`
      )
    }
    chosen.push(candidates[0].id)
  }
  return chosen
}

/** A plausible address in a country, for a test order without one. */
export function plausibleTestAddress(countryCode: string) {
  return {
    first_name: "Test",
    last_name: "Customer",
    address_1: "1 Test Street",
    city: "Testville",
    postal_code: "1000",
    country_code: countryCode.toLowerCase(),
  }
}

/**
 * Checks that every order id is a test order. Unknown ids: NOT_FOUND; real
 * orders: NOT_ALLOWED (400). Nothing is deleted unless all pass. Pure.
 */
export function throwIfNotAllTestOrders(
  orderIds: string[],
  existingOrderIds: string[],
  testOrderIds: string[]
): void {
  const existing = new Set(existingOrderIds)
  const tests = new Set(testOrderIds)
  const unknown = orderIds.find((id) => !existing.has(id) && !tests.has(id))
  if (unknown) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, `Order with id: ${unknown} was not found`)
  }
  const real = orderIds.find((id) => !tests.has(id))
  if (real) {
    throw new MedusaError(
      MedusaError.Types.NOT_ALLOWED,
      `order_id: ${real} is a real order, not a test order; it cannot be deleted here`
    )
  }
}
