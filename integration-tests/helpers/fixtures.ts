import type { MedusaContainer } from "@medusajs/framework/types"
import { ApiKeyType, Modules } from "@medusajs/framework/utils"
import {
  createApiKeysWorkflow,
  createLinksWorkflow,
  createLocationFulfillmentSetWorkflow,
  createServiceZonesWorkflow,
  createShippingOptionsWorkflow,
  createShippingProfilesWorkflow,
  createStockLocationsWorkflow,
  createSalesChannelsWorkflow,
  createUsersWorkflow,
  linkSalesChannelsToApiKeyWorkflow,
} from "@medusajs/medusa/core-flows"

/** An axios-like client, as `medusaIntegrationTestRunner` gives it. */
export type Api = {
  get: (url: string, config?: object) => Promise<{ status: number; data: any }>
  post: (url: string, body?: unknown, config?: object) => Promise<{ status: number; data: any }>
  delete: (url: string, config?: object) => Promise<{ status: number; data: any }>
}

export type Headers = { headers: Record<string, string> }

/** Resolves a request's error response instead of throwing, to assert on 4xx. */
export const settle = (p: Promise<{ status: number; data: any }>) =>
  p.catch((e) => e.response as { status: number; data: any })

/**
 * Creates an admin user the way `medusa user` does (user + emailpass
 * identity) and logs in over HTTP.
 */
export async function createAdmin(
  api: Api,
  container: MedusaContainer,
  email = "admin@order-ops.test",
  password = "supersecret"
): Promise<Headers & { userId: string }> {
  const auth = container.resolve(Modules.AUTH)
  const { result: users } = await createUsersWorkflow(container).run({
    input: { users: [{ email, first_name: "Ada", last_name: "Admin" }] },
  })
  const { authIdentity, error } = await auth.register("emailpass", {
    body: { email, password },
  } as Parameters<typeof auth.register>[1])
  if (error || !authIdentity) {
    throw new Error(`could not register ${email}: ${error}`)
  }
  await auth.updateAuthIdentities({
    id: authIdentity.id,
    app_metadata: { user_id: users[0].id },
  })
  const { data } = await api.post("/auth/user/emailpass", { email, password })
  return { headers: { authorization: `Bearer ${data.token}` }, userId: users[0].id }
}

/** A publishable key linked to a sales channel, needed by every store route. */
export async function createPublishableKey(container: MedusaContainer): Promise<string> {
  const { result: channels } = await createSalesChannelsWorkflow(container).run({
    input: { salesChannelsData: [{ name: "Webshop" }] },
  })
  const { result: keys } = await createApiKeysWorkflow(container).run({
    input: { api_keys: [{ title: "Storefront", type: ApiKeyType.PUBLISHABLE, created_by: "" }] },
  })
  await linkSalesChannelsToApiKeyWorkflow(container).run({
    input: { id: keys[0].id, add: [channels[0].id] },
  })
  return keys[0].token
}

/** Registers a customer through the store API and logs them in. */
export async function createCustomer(
  api: Api,
  publishableKey: string,
  email: string,
  password = "customer-secret"
): Promise<Headers & { customerId: string }> {
  const pk = { "x-publishable-api-key": publishableKey }
  const registered = await api.post("/auth/customer/emailpass/register", { email, password })
  const created = await api.post(
    "/store/customers",
    { email, first_name: "Cus", last_name: "Tomer" },
    { headers: { ...pk, authorization: `Bearer ${registered.data.token}` } }
  )
  const login = await api.post("/auth/customer/emailpass", { email, password })
  return {
    headers: { ...pk, authorization: `Bearer ${login.data.token}` },
    customerId: created.data.customer.id,
  }
}

/** A minimal order straight through the order module (for note tests). */
export async function createPlainOrder(
  container: MedusaContainer,
  overrides: { customer_id?: string; email?: string } = {}
): Promise<{ id: string }> {
  const orders = container.resolve(Modules.ORDER)
  return await orders.createOrders({
    currency_code: "eur",
    email: overrides.email ?? "buyer@example.com",
    customer_id: overrides.customer_id,
    items: [{ title: "Mug", quantity: 2, unit_price: 15 }],
  })
}

/**
 * A warehouse that ships through Medusa's manual provider, with one
 * shipping option; enough for core's fulfillment workflows.
 */
export async function createWarehouse(container: MedusaContainer): Promise<{ shippingOptionId: string; locationId: string }> {
  const { result: locations } = await createStockLocationsWorkflow(container).run({
    input: { locations: [{ name: "Test warehouse", address: { address_1: "Main st 1", city: "Copenhagen", country_code: "dk", postal_code: "1050" } }] },
  })
  const locationId = locations[0].id
  await createLinksWorkflow(container).run({
    input: [
      {
        [Modules.STOCK_LOCATION]: { stock_location_id: locationId },
        [Modules.FULFILLMENT]: { fulfillment_provider_id: "manual_manual" },
      },
    ],
  })
  await createLocationFulfillmentSetWorkflow(container).run({
    input: { location_id: locationId, fulfillment_set_data: { name: "Test shipping", type: "shipping" } },
  })
  const fulfillment = container.resolve(Modules.FULFILLMENT)
  const [set] = await fulfillment.listFulfillmentSets({ name: "Test shipping" })
  const { result: zones } = await createServiceZonesWorkflow(container).run({
    input: { data: [{ fulfillment_set_id: set.id, name: "Europe", geo_zones: [{ type: "country", country_code: "dk" }] }] },
  })
  const { result: profiles } = await createShippingProfilesWorkflow(container).run({
    input: { data: [{ name: "Default", type: "default" }] },
  })
  const { result: options } = await createShippingOptionsWorkflow(container).run({
    input: [
      {
        name: "Standard",
        price_type: "flat",
        provider_id: "manual_manual",
        service_zone_id: zones[0].id,
        shipping_profile_id: profiles[0].id,
        type: { label: "Standard", description: "2-3 days", code: "standard" },
        prices: [{ currency_code: "eur", amount: 5 }],
      },
    ],
  })
  return { shippingOptionId: options[0].id, locationId }
}

/**
 * An order with items and a shipping method on the warehouse's option,
 * straight through the order module: what the fulfillment tests need.
 */
export async function createShippableOrder(
  container: MedusaContainer,
  warehouse: { shippingOptionId: string },
  overrides: { customer_id?: string; email?: string } = {}
): Promise<{ id: string; items: { id: string; title: string; quantity: number }[] }> {
  const orders = container.resolve(Modules.ORDER)
  const order = await orders.createOrders({
    currency_code: "eur",
    email: overrides.email ?? "buyer@example.com",
    customer_id: overrides.customer_id,
    items: [
      { title: "Tee", quantity: 3, unit_price: 20, requires_shipping: true },
      { title: "Mug", quantity: 1, unit_price: 12, requires_shipping: true },
    ],
    shipping_methods: [{ name: "Standard", amount: 5, shipping_option_id: warehouse.shippingOptionId }],
    shipping_address: { first_name: "Ada", last_name: "Lovelace", address_1: "Main st 2", city: "Copenhagen", country_code: "dk", postal_code: "1620" },
  })
  const [loaded] = await orders.listOrders({ id: order.id }, { relations: ["items"] })
  const items = [...(loaded.items ?? [])].sort((a, b) => b.title.localeCompare(a.title))
  return { id: order.id, items: items.map((i) => ({ id: i.id, title: i.title, quantity: Number(i.quantity) })) }
}

/** What a storefront checkout needs: where, what, and how it ships. */
export type CheckoutPlan = {
  region_id: string
  sales_channel_id: string
  shipping_option_ids: string[]
  country_code: string
}

/**
 * A real paid order, the way a storefront places one: customer, cart with
 * items (and their line item metadata, e.g. a player name), shipping
 * methods, a `pp_system_default` payment session, Medusa's cart completion,
 * then capture — so `order.placed` and `payment.captured` fire for real.
 */
export async function placePaidOrder(
  container: MedusaContainer,
  plan: CheckoutPlan,
  items: { variant_id: string; quantity: number; metadata?: Record<string, unknown> }[],
  customer: { id?: string; email?: string } = {},
  /** Completes the cart another way (e.g. through the store API); answers the order id. Default: Medusa's workflow. */
  complete?: (cartId: string) => Promise<string>
): Promise<{ id: string; payment_id: string; customer_id: string }> {
  const {
    addShippingMethodToCartWorkflow,
    capturePaymentWorkflow,
    completeCartWorkflow,
    createCartWorkflow,
    createCustomersWorkflow,
    createPaymentCollectionForCartWorkflow,
    createPaymentSessionsWorkflow,
  } = await import("@medusajs/medusa/core-flows")
  const email = customer.email ?? `buyer+${Date.now()}-${Math.random().toString(36).slice(2, 8)}@example.com`
  let customerId = customer.id
  if (!customerId) {
    const { result } = await createCustomersWorkflow(container).run({
      input: { customersData: [{ first_name: "Dana", last_name: "Buyer", email }] },
    })
    customerId = result[0].id
  }
  const address = {
    first_name: "Dana",
    last_name: "Buyer",
    address_1: "Nørrebrogade 1",
    city: "Copenhagen",
    postal_code: "2200",
    country_code: plan.country_code,
  }
  const { result: cart } = await createCartWorkflow(container).run({
    input: {
      region_id: plan.region_id,
      sales_channel_id: plan.sales_channel_id,
      email,
      customer_id: customerId,
      shipping_address: address,
      billing_address: address,
      items,
    },
  })
  await addShippingMethodToCartWorkflow(container).run({
    input: { cart_id: cart.id, options: plan.shipping_option_ids.map((id) => ({ id })) },
  })
  const { result: collection } = await createPaymentCollectionForCartWorkflow(container).run({ input: { cart_id: cart.id } })
  await createPaymentSessionsWorkflow(container).run({
    input: { payment_collection_id: collection.id, provider_id: "pp_system_default", customer_id: customerId },
  })
  const order = complete
    ? { id: await complete(cart.id) }
    : (await completeCartWorkflow(container).run({ input: { id: cart.id } })).result
  const { data } = await container.resolve("query").graph({
    entity: "order",
    fields: ["payment_collections.payments.id"],
    filters: { id: order.id },
  })
  const paymentId = data[0].payment_collections[0].payments[0].id as string
  await capturePaymentWorkflow(container).run({ input: { payment_id: paymentId } })
  return { id: order.id, payment_id: paymentId, customer_id: customerId }
}
