import { defineConfig, loadEnv } from "@medusajs/framework/utils"
import type { PluginOptionsInput } from "./src/options"

loadEnv(process.env.NODE_ENV || "development", process.cwd())

/**
 * This file runs the plugin's own root as a Medusa store: the demo store
 * (`npm start`), the HTTP and browser tests and the benchmarks all use it.
 * A store that installs the plugin uses its own config with a `plugins` entry
 * instead; see the README.
 */

/** The options the demo store passes to the plugin's modules. */
const orderOpsOptions: PluginOptionsInput = {
  notes: { notify_customer: true },
  disputes: {
    // Stripe dispute events: the endpoint's signing secret (the demo's and the tests' own).
    stripe: { webhook_secret: process.env.STRIPE_DISPUTES_WEBHOOK_SECRET || "whsec_order_ops_demo_disputes" },
    staff_alert: { emails: (process.env.ORDER_OPS_DISPUTE_ALERT_EMAILS || "disputes@medusa-order-ops.test").split(",") },
  },
  digital_delivery: {
    // The demo's webhook, RCON and Discord stand-ins (and the tests' fakes) run on loopback.
    allow_private_targets: true,
    // The demo secret only outside production: in production the plugin refuses to start without a real one.
    download_secret: process.env.ORDER_OPS_DOWNLOAD_SECRET || (process.env.NODE_ENV === "production" ? undefined : "demo-store-download-secret-change-me"),
    ...(process.env.DISCORD_API_BASE_URL ? { discord_base_url: process.env.DISCORD_API_BASE_URL } : {}),
  },
  // Auto-void of labels never scanned: off unless asked for (the auto-void test turns it on).
  exceptions: { auto_void_unscanned_labels: process.env.ORDER_OPS_AUTO_VOID_LABELS === "true" },
  // Invoices issued and emailed on capture: off unless asked for (the invoice email test turns it on).
  documents: { invoice_on_capture: process.env.ORDER_OPS_INVOICE_ON_CAPTURE === "true" },
  // Tests' and the demo's webhook receivers run on loopback over http.
  webhooks: { allow_private_targets: true },
  carriers: {
    // The offline sandbox carrier, so the demo store can rate-shop and buy
    // labels at once; its parcels advance every SANDBOX_STEP_MINUTES.
    sandbox: { enabled: true, step_minutes: Number(process.env.SANDBOX_STEP_MINUTES ?? 2) },
    // Live carriers only when their keys are in the environment.
    ...(process.env.SHIPPO_API_KEY
      ? {
          shippo: {
            api_key: process.env.SHIPPO_API_KEY,
            webhook_token: process.env.SHIPPO_WEBHOOK_TOKEN,
            webhook_hmac_secret: process.env.SHIPPO_WEBHOOK_HMAC_SECRET,
            ...(process.env.SHIPPO_BASE_URL ? { base_url: process.env.SHIPPO_BASE_URL } : {}),
          },
        }
      : {}),
    ...(process.env.EASYPOST_API_KEY
      ? {
          easypost: {
            api_key: process.env.EASYPOST_API_KEY,
            webhook_secret: process.env.EASYPOST_WEBHOOK_SECRET,
            ...(process.env.EASYPOST_BASE_URL ? { base_url: process.env.EASYPOST_BASE_URL } : {}),
          },
        }
      : {}),
  },
}

const REDIS_URL = process.env.REDIS_URL
const WORKER_MODE = (process.env.MEDUSA_WORKER_MODE ?? "shared") as
  | "shared"
  | "worker"
  | "server"

/** Our own modules, registered from source as a plugin would register them. */
const pluginModules = [
  { resolve: "./src/modules/order-note", options: orderOpsOptions },
  { resolve: "./src/modules/order-activity", options: orderOpsOptions },
  { resolve: "./src/modules/order-status", options: orderOpsOptions },
  { resolve: "./src/modules/shipment", options: orderOpsOptions },
  { resolve: "./src/modules/test-order", options: orderOpsOptions },
  { resolve: "./src/modules/digital-delivery", options: orderOpsOptions },
  { resolve: "./src/modules/order-case", options: orderOpsOptions },
  { resolve: "./src/modules/order-webhook", options: orderOpsOptions },
  { resolve: "./src/modules/order-ops-settings", options: orderOpsOptions },
  { resolve: "./src/modules/order-document", options: orderOpsOptions },
]

/**
 * With REDIS_URL set, the production layout: Redis event bus, workflow
 * engine, cache and locking, so a server and one or more workers share work.
 */
const redisModules = REDIS_URL
  ? [
      {
        resolve: "@medusajs/medusa/event-bus-redis",
        options: {
          redisUrl: REDIS_URL,
          // Medusa 2.21 configures retries per event job, not per subscriber:
          // a failed subscriber (a lock not acquired, a database blip) is run
          // again with backoff; subscribers that already succeeded are not
          // (each has a subscriberId). A job a killed worker held is
          // redelivered by BullMQ's stalled-job check.
          jobOptions: { attempts: 5, backoff: { type: "exponential", delay: 2000 } },
        },
      },
      { resolve: "@medusajs/medusa/cache-redis", options: { redisUrl: REDIS_URL } },
      {
        // Medusa 2.21's name is `redisUrl` (`url` is deprecated and warns at boot).
        resolve: "@medusajs/medusa/workflow-engine-redis",
        options: { redis: { redisUrl: REDIS_URL } },
      },
      {
        resolve: "@medusajs/medusa/locking",
        options: {
          providers: [
            {
              resolve: "@medusajs/medusa/locking-redis",
              id: "locking-redis",
              is_default: true,
              options: { redisUrl: REDIS_URL },
            },
          ],
        },
      },
    ]
  : []

export default defineConfig({
  projectConfig: {
    databaseUrl: process.env.DATABASE_URL,
    redisUrl: REDIS_URL,
    workerMode: WORKER_MODE,
    http: {
      storeCors: process.env.STORE_CORS || "http://localhost:8000",
      adminCors: process.env.ADMIN_CORS || "http://localhost:9000,http://localhost:5173",
      authCors: process.env.AUTH_CORS || "http://localhost:9000,http://localhost:8000,http://localhost:5173",
      jwtSecret: process.env.JWT_SECRET || "supersecret",
      cookieSecret: process.env.COOKIE_SECRET || "supersecret",
    },
  },
  admin: {
    disable: process.env.MEDUSA_ADMIN_DISABLED === "true" || WORKER_MODE === "worker",
    backendUrl: process.env.MEDUSA_BACKEND_URL || "/",
  },
  modules: [
    ...pluginModules,
    ...redisModules,
    {
      // Label files are kept through Medusa's file module. Locally they go
      // to a dot-folder, which the dev server's watcher ignores.
      resolve: "@medusajs/medusa/file",
      options: {
        providers: [
          {
            resolve: "@medusajs/medusa/file-local",
            id: "local",
            options: {
              upload_dir: process.env.ORDER_OPS_UPLOAD_DIR || ".data/uploads",
              private_upload_dir: process.env.ORDER_OPS_UPLOAD_DIR || ".data/uploads",
            },
          },
        ],
      },
    },
    {
      // Medusa's manual provider stays (existing options use `manual_manual`);
      // ours quotes carrier rates at checkout and buys a label per fulfillment.
      resolve: "@medusajs/medusa/fulfillment",
      options: {
        providers: [
          { resolve: "@medusajs/medusa/fulfillment-manual", id: "manual" },
          { resolve: "./src/providers/carrier-fulfillment", id: "order-ops-carrier", options: orderOpsOptions },
        ],
      },
    },
    {
      resolve: "@medusajs/medusa/notification",
      options: {
        providers: [
          {
            // Logs notifications instead of sending them; a real store plugs in
            // SendGrid, Resend or similar for the email channel.
            resolve: "@medusajs/medusa/notification-local",
            id: "local",
            options: { channels: ["email"] },
          },
          {
            // The admin's notification feed (the bell): export-ready notices.
            resolve: "@medusajs/medusa/notification-local",
            id: "feed",
            options: { channels: ["feed"] },
          },
        ],
      },
    },
  ],
})

