import { adminEmail, adminPassword, baseUrl } from "./harness"

export type Json = Record<string, any>

/** The demo store's HTTP API, as a merchant's admin token or a storefront's publishable key sees it. */
export async function call(
  path: string,
  init: { method?: string; body?: unknown; token?: string; key?: string } = {}
): Promise<Json> {
  const method = init.method ?? (init.body ? "POST" : "GET")
  const send = () =>
    fetch(`${baseUrl}${path}`, {
      method,
      headers: {
        "content-type": "application/json",
        ...(init.token ? { authorization: `Bearer ${init.token}` } : {}),
        ...(init.key ? { "x-publishable-api-key": init.key } : {}),
      },
      body: init.body ? JSON.stringify(init.body) : undefined,
    })
  let res: Response
  try {
    res = await send()
  } catch (error) {
    // Node's fetch keeps connections alive across spec files (and the global setup's health checks);
    // one the server closed while idle fails with ECONNRESET before the request reached it. Send again once.
    if (!isStaleConnection(error)) throw error
    res = await send()
  }
  const text = await res.text()
  if (!res.ok) throw new Error(`${method} ${path} → ${res.status}: ${text}`)
  return text ? JSON.parse(text) : {}
}

function isStaleConnection(error: unknown): boolean {
  const cause = (error as { cause?: { code?: string } })?.cause
  return error instanceof TypeError && ["ECONNRESET", "UND_ERR_SOCKET", "EPIPE"].includes(cause?.code ?? "")
}

/** Polls `check` every half second until it answers something truthy. */
export async function until<T>(what: string, check: () => Promise<T | null | undefined | false>, timeoutMs = 60_000): Promise<T> {
  const started = Date.now()
  for (;;) {
    const value = await check()
    if (value) return value
    if (Date.now() - started > timeoutMs) throw new Error(`timed out waiting for ${what}`)
    await new Promise((r) => setTimeout(r, 500))
  }
}

/** An admin token for the demo's admin user. */
export async function adminToken(): Promise<string> {
  return (await call("/auth/user/emailpass", { body: { email: adminEmail, password: adminPassword } })).token as string
}

/** The id of the demo variant with this SKU. */
export async function variantBySku(token: string, sku: string): Promise<string> {
  const { products } = await call(`/admin/products?limit=100&fields=id,title,variants.id,variants.sku`, { token })
  for (const p of products) for (const v of p.variants ?? []) if (v.sku === sku) return v.id as string
  throw new Error(`no variant with SKU ${sku} in the demo`)
}

/**
 * Places an order the way a storefront does (cart, Digital delivery shipping,
 * system payment, complete) and captures its payment as the merchant would,
 * which starts the digital deliveries. Returns the order id.
 */
export async function placePaidDigitalOrder(
  token: string,
  items: { variant_id: string; quantity: number; metadata?: Json }[],
  email = `digital+${Date.now()}@example.com`
): Promise<string> {
  const { api_keys } = await call("/admin/api-keys?type=publishable&limit=1", { token })
  const key = api_keys[0].token as string
  const { regions } = await call("/store/regions?fields=id,countries.iso_2", { key })
  const region = regions.find((r: Json) => r.countries.some((c: Json) => c.iso_2 === "dk")) ?? regions[0]
  const country = region.countries.some((c: Json) => c.iso_2 === "dk") ? "dk" : region.countries[0].iso_2
  const address = {
    first_name: "Dana",
    last_name: "Buyer",
    address_1: "Nørrebrogade 1",
    city: "Copenhagen",
    postal_code: "2200",
    country_code: country,
  }
  const { cart } = await call("/store/carts", {
    key,
    body: { region_id: region.id, email, shipping_address: address, billing_address: address },
  })
  for (const item of items) {
    await call(`/store/carts/${cart.id}/line-items`, { key, body: item })
  }
  const { shipping_options } = await call(`/store/shipping-options?cart_id=${cart.id}`, { key })
  const digital = shipping_options.find((o: Json) => o.name === "Digital delivery")
  if (!digital) throw new Error("the demo has no Digital delivery shipping option")
  await call(`/store/carts/${cart.id}/shipping-methods`, { key, body: { option_id: digital.id } })
  const { payment_collection } = await call("/store/payment-collections", { key, body: { cart_id: cart.id } })
  await call(`/store/payment-collections/${payment_collection.id}/payment-sessions`, {
    key,
    body: { provider_id: "pp_system_default" },
  })
  const completed = await call(`/store/carts/${cart.id}/complete`, { key, body: {} })
  if (completed.type !== "order") throw new Error(`cart did not complete: ${JSON.stringify(completed)}`)
  const orderId = completed.order.id as string
  const { order } = await call(`/admin/orders/${orderId}?fields=id,payment_collections.payments.id`, { token })
  await call(`/admin/payments/${order.payment_collections[0].payments[0].id}/capture`, { token, body: {} })
  return orderId
}
