import { type ChildProcess, spawn } from "node:child_process"
import fs from "node:fs"
import net from "node:net"
import path from "node:path"
import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import Redis from "ioredis"
import { WEBHOOK_FAKE_SECRET, type WebhookReceiverHandle } from "../fakes/webhook-receiver"

/**
 * The built app run as Medusa's production layout (`medusa build`, then
 * `medusa start` from `.medusa/server` per process), shared by the layout
 * tier (integration-tests/layout) and the layout benchmark
 * (integration-tests/bench/production-layout.bench.ts). No jest globals.
 */

export const ROOT = path.resolve(__dirname, "../..")
export const BUILD_DIR = path.join(ROOT, ".medusa/server")
export const MEDUSA_BIN = path.join(ROOT, "node_modules/@medusajs/cli/cli.js")

/** Production refuses to sign download links without a real secret. */
const DOWNLOAD_SECRET = "layout-test-download-secret-0123456789abcdef"

export const ADDRESS = {
  first_name: "Dana",
  last_name: "Buyer",
  address_1: "Nørrebrogade 1",
  city: "Copenhagen",
  postal_code: "2200",
  country_code: "dk",
}

export type Proc = {
  name: string
  port: number
  child: ChildProcess
  log: () => string
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>
}

export type Knex = { raw: (sql: string, bindings?: unknown[]) => Promise<{ rows: Record<string, any>[] }> }

export const pause = (ms: number) => new Promise((r) => setTimeout(r, ms))

/** REDIS_URL (default redis://127.0.0.1:6379) with its database number replaced by `db`. */
export function redisUrlFor(db: number, base = process.env.REDIS_URL || "redis://127.0.0.1:6379"): string {
  const url = new URL(base)
  url.pathname = `/${db}`
  return url.toString()
}

/** Empties one Redis database, so a run never shares keys with anything else on the same Redis. */
export async function flushRedis(url: string): Promise<void> {
  const redis = new Redis(url, { maxRetriesPerRequest: 2 })
  await redis.flushdb()
  await redis.quit()
}

export async function freePort(): Promise<number> {
  return await new Promise((resolve, reject) => {
    const srv = net.createServer()
    srv.once("error", reject)
    srv.listen(0, "127.0.0.1", () => {
      const { port } = srv.address() as net.AddressInfo
      srv.close(() => resolve(port))
    })
  })
}

/** Polls until `check` passes or the time is up; returns the last value. */
export async function eventually<T>(read: () => Promise<T>, check: (value: T) => boolean, timeoutMs = 60_000, everyMs = 500): Promise<T> {
  const until = Date.now() + timeoutMs
  let value = await read()
  while (!check(value) && Date.now() < until) {
    await pause(everyMs)
    value = await read()
  }
  return value
}

/**
 * `medusa build` with the admin off, in a child process (the caller seeds the
 * database meanwhile); the build reuses the root's node_modules.
 */
export async function buildApp(): Promise<void> {
  const child = spawn(process.execPath, [MEDUSA_BIN, "build"], {
    cwd: ROOT,
    env: { ...process.env, MEDUSA_ADMIN_DISABLED: "true", NODE_ENV: "production", LOG_LEVEL: "error" },
    stdio: ["ignore", "pipe", "pipe"],
  })
  let output = ""
  const keep = (b: Buffer) => {
    output = (output + b.toString()).slice(-20_000)
  }
  child.stdout!.on("data", keep)
  child.stderr!.on("data", keep)
  const code = await new Promise<number | null>((resolve, reject) => {
    child.once("error", reject)
    child.once("exit", (c) => resolve(c))
  })
  if (code !== 0) {
    throw new Error(`medusa build failed (${code}):\n${output}`)
  }
  const modules = path.join(BUILD_DIR, "node_modules")
  if (!fs.existsSync(modules)) {
    fs.symlinkSync(path.join(ROOT, "node_modules"), modules, "dir")
  }
}

export type StartOptions = {
  name: string
  mode: "shared" | "server" | "worker"
  databaseUrl: string
  /** The Redis modules on this database URL; none (in-memory event bus, workflow engine, cache, locking) when undefined. */
  redisUrl?: string
  /** How often the sweep, follow-up and heal jobs run (`ORDER_OPS_JOB_INTERVAL_MS`). */
  jobIntervalMs: number
  /** Every process started is pushed here, for `stopAll`. */
  started: Proc[]
}

/** `medusa start` from the build, in the given worker mode, until /health answers. */
export async function startMedusa(opts: StartOptions): Promise<Proc> {
  const port = await freePort()
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: "production",
    DATABASE_URL: opts.databaseUrl,
    MEDUSA_WORKER_MODE: opts.mode,
    MEDUSA_ADMIN_DISABLED: "true",
    PORT: String(port),
    LOG_LEVEL: "info",
    MEDUSA_DISABLE_TELEMETRY: "true",
    ORDER_OPS_DOWNLOAD_SECRET: DOWNLOAD_SECRET,
    ORDER_OPS_JOB_INTERVAL_MS: String(opts.jobIntervalMs),
  }
  if (opts.redisUrl) {
    env.REDIS_URL = opts.redisUrl
  } else {
    delete env.REDIS_URL
  }
  const child = spawn(process.execPath, [MEDUSA_BIN, "start"], { cwd: BUILD_DIR, env, stdio: ["ignore", "pipe", "pipe"] })
  let output = ""
  const keep = (b: Buffer) => {
    output = (output + b.toString()).slice(-200_000)
  }
  child.stdout!.on("data", keep)
  child.stderr!.on("data", keep)
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.on("exit", (code, signal) => resolve({ code, signal }))
  )
  const proc: Proc = { name: opts.name, port, child, log: () => output, exited }
  opts.started.push(proc)
  const until = Date.now() + 5 * 60_000
  for (;;) {
    if (child.exitCode !== null) {
      throw new Error(`${opts.name} exited ${child.exitCode} while starting:\n${output.slice(-4000)}`)
    }
    const ok = await fetch(`http://127.0.0.1:${port}/health`).then((r) => r.ok, () => false)
    if (ok) {
      return proc
    }
    if (Date.now() > until) {
      throw new Error(`${opts.name} did not answer /health:\n${output.slice(-4000)}`)
    }
    await pause(1000)
  }
}

/** SIGTERM to every process still running (SIGKILL after 15 s), and waits for each to exit. */
export async function stopAll(procs: Proc[]): Promise<void> {
  for (const proc of procs) {
    if (proc.child.exitCode === null && proc.child.signalCode === null) {
      proc.child.kill("SIGTERM")
      const stopped = await Promise.race([proc.exited.then(() => true), pause(15_000).then(() => false)])
      if (!stopped) {
        proc.child.kill("SIGKILL")
        await proc.exited
      }
    }
  }
}

export type Answer = { status: number; data: any }
export type Request = (headers: Record<string, string>, method: "GET" | "POST", url: string, body?: unknown) => Promise<Answer>

/** Requests to a spawned server's public API; retried once on a reused keep-alive socket. */
export function httpClient(port: () => number): Request {
  return async (headers, method, url, body) => {
    const send = () =>
      fetch(`http://127.0.0.1:${port()}${url}`, {
        method,
        headers: { ...headers, "content-type": "application/json" },
        body: body === undefined ? undefined : JSON.stringify(body),
      })
    const res = await send().catch((e: { cause?: { code?: string } }) => {
      if (e?.cause?.code === "ECONNRESET") {
        return send()
      }
      throw e
    })
    const text = await res.text()
    return { status: res.status, data: text ? JSON.parse(text) : null }
  }
}

/** A 2xx answer's body, or an error saying what failed. */
export async function ok(what: string, pending: Promise<Answer>): Promise<any> {
  const res = await pending
  if (res.status < 200 || res.status >= 300) {
    throw new Error(`${what}: ${res.status} ${JSON.stringify(res.data)}`)
  }
  return res.data
}

/** What a shopper needs to check out the two digital ebooks of the demo seed (webhook and download). */
export type DigitalShop = {
  key: string
  region_id: string
  sales_channel_id: string
  option_id: string
  webhook_variant: string
  download_variant: string
}

/** Reads the demo seed's publishable key, region, channel, "Digital delivery" option and ebook variants. */
export async function digitalShop(container: MedusaContainer): Promise<DigitalShop> {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const sku = async (code: string) =>
    ((await query.graph({ entity: "product_variant", fields: ["id"], filters: { sku: code } })).data[0] as { id: string }).id
  const { data: keys } = await query.graph({ entity: "api_key", fields: ["token", "type"] })
  const { data: regions } = await query.graph({ entity: "region", fields: ["id"] })
  const { data: channels } = await query.graph({ entity: "sales_channel", fields: ["id"] })
  const { data: options } = await query.graph({ entity: "shipping_option", fields: ["id", "name"] })
  return {
    key: keys.find((k) => k.type === "publishable")!.token as string,
    region_id: regions[0].id as string,
    sales_channel_id: channels[0].id as string,
    option_id: options.find((o) => o.name === "Digital delivery")!.id as string,
    webhook_variant: await sku("OOPS-EBOOK-EPUB"),
    download_variant: await sku("OOPS-EBOOK-PDF"),
  }
}

/**
 * The ebooks' delivery products, set up through the server's admin API: a
 * webhook to the receiver and a download of a file uploaded there.
 */
export async function setUpDigitalProducts(
  request: Request,
  port: number,
  adminHeaders: Record<string, string>,
  shop: DigitalShop,
  receiver: WebhookReceiverHandle
): Promise<void> {
  const form = new FormData()
  form.append("files", new Blob(["%PDF-1.4 the layout handbook"], { type: "application/pdf" }), "handbook.pdf")
  const upload = await fetch(`http://127.0.0.1:${port}/admin/uploads`, { method: "POST", headers: adminHeaders, body: form })
  if (upload.status !== 200) {
    throw new Error(`upload: ${upload.status} ${await upload.text()}`)
  }
  const [file] = ((await upload.json()) as { files: { id: string }[] }).files
  await ok(
    "webhook product",
    request(adminHeaders, "POST", "/admin/delivery-products", {
      variant_id: shop.webhook_variant,
      method: "webhook",
      settings: { url: `${receiver.url}/orders`, secret: WEBHOOK_FAKE_SECRET },
    })
  )
  await ok(
    "download product",
    request(adminHeaders, "POST", "/admin/delivery-products", {
      variant_id: shop.download_variant,
      method: "download",
      settings: { file_ids: [file.id], file_names: { [file.id]: "handbook.pdf" }, link_lifetime_hours: 24, max_downloads: 3 },
    })
  )
}

/**
 * A shopper checks out both digital ebooks through the store API (guest,
 * system payment provider). The payment is authorized, not captured: the
 * caller captures it (`capturePayment`), which is what starts the deliveries.
 */
export async function placeDigitalOrder(
  request: Request,
  adminHeaders: Record<string, string>,
  shop: DigitalShop,
  email: string
): Promise<{ orderId: string; paymentId: string }> {
  const store = (method: "GET" | "POST", url: string, body?: unknown) => request({ "x-publishable-api-key": shop.key }, method, url, body)
  const { cart } = await ok(
    "create cart",
    store("POST", "/store/carts", {
      region_id: shop.region_id,
      sales_channel_id: shop.sales_channel_id,
      email,
      items: [
        { variant_id: shop.webhook_variant, quantity: 1 },
        { variant_id: shop.download_variant, quantity: 1 },
      ],
      shipping_address: ADDRESS,
      billing_address: ADDRESS,
    })
  )
  await ok("shipping method", store("POST", `/store/carts/${cart.id}/shipping-methods`, { option_id: shop.option_id }))
  const { payment_collection } = await ok("payment collection", store("POST", "/store/payment-collections", { cart_id: cart.id }))
  await ok("payment session", store("POST", `/store/payment-collections/${payment_collection.id}/payment-sessions`, { provider_id: "pp_system_default" }))
  const completed = await ok("complete cart", store("POST", `/store/carts/${cart.id}/complete`, {}))
  if (completed.type !== "order") {
    throw new Error(`complete cart gave ${completed.type}: ${JSON.stringify(completed)}`)
  }
  const orderId = completed.order.id as string
  const { order } = await ok("order", request(adminHeaders, "GET", `/admin/orders/${orderId}`))
  return { orderId, paymentId: order.payment_collections[0].payments[0].id as string }
}

/** The admin captures a payment: the server emits `payment.captured` and a worker's subscriber delivers. */
export async function capturePayment(request: Request, adminHeaders: Record<string, string>, paymentId: string): Promise<void> {
  await ok("capture", request(adminHeaders, "POST", `/admin/payments/${paymentId}/capture`, {}))
}
