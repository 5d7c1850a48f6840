import type { MedusaContainer } from "@medusajs/framework/types"
import { ApiKeyType, Modules } from "@medusajs/framework/utils"
import {
  createApiKeysWorkflow,
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
