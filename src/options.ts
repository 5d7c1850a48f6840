import { z } from "@medusajs/framework/zod"
import { MedusaError } from "@medusajs/framework/utils"

/**
 * The options a store passes to the plugin in `medusa-config.ts`:
 *
 * ```ts
 * plugins: [{ resolve: "medusa-order-ops", options: { notes: { notify_customer: true } } }]
 * ```
 *
 * Medusa hands these options to every module of the plugin; each module
 * validates them when it loads, so a bad option stops the server at startup
 * with a message naming it.
 */
export const PluginOptionsSchema = z
  .object({
    notes: z
      .object({
        /** Email the customer when a note is made visible to them. Default `true`. */
        notify_customer: z.boolean().default(true),
        /** Notification template id for a customer-visible note. */
        customer_template: z.string().min(1).default("order-ops-note-visible"),
        /** Notification channel used for customers. Default `email`. */
        channel: z.string().min(1).default("email"),
        /** Maximum note length in characters, after trimming. At most 5,000. */
        max_length: z.number().int().min(1).max(5000).default(5000),
      })
      .strict()
      .default({
        notify_customer: true,
        customer_template: "order-ops-note-visible",
        channel: "email",
        max_length: 5000,
      }),
    shipments: z
      .object({
        /**
         * Which shipment moves the customer hears about (per shipment, the
         * merchant can also switch notifications off). All on by default.
         */
        notify: z
          .object({
            shipped: z.boolean().default(true),
            out_for_delivery: z.boolean().default(true),
            delivered: z.boolean().default(true),
            picked_up: z.boolean().default(true),
            delivery_failed: z.boolean().default(true),
          })
          .strict()
          .default({
            shipped: true,
            out_for_delivery: true,
            delivered: true,
            picked_up: true,
            delivery_failed: true,
          }),
        /** Notification channel for shipment updates. Default `email`. */
        channel: z.string().min(1).default("email"),
      })
      .strict()
      .default({
        notify: {
          shipped: true,
          out_for_delivery: true,
          delivered: true,
          picked_up: true,
          delivery_failed: true,
        },
        channel: "email",
      }),
    carriers: z
      .object({
        /**
         * The offline sandbox carrier. Test orders always use it; real orders
         * only when `enabled` (the demo store turns it on).
         */
        sandbox: z
          .object({
            enabled: z.boolean().default(false),
            /** Minutes between simulated tracking steps of a sandbox parcel. Default 2. */
            step_minutes: z.number().positive().max(24 * 60).default(2),
          })
          .strict()
          .default({ enabled: false, step_minutes: 2 }),
        /** Shippo. Pass the key from the environment: `api_key: process.env.SHIPPO_API_KEY`. */
        shippo: z
          .object({
            api_key: z.string().min(1, "api_key is required"),
            /** API base URL. Default `https://api.goshippo.com`. */
            base_url: z.string().url().optional(),
            /** The `?token=` you appended to the webhook URL in Shippo. Required to accept Shippo webhooks. */
            webhook_token: z.string().min(8).optional(),
            /** Shippo's webhook HMAC secret; when set, the signature is required too. */
            webhook_hmac_secret: z.string().min(1).optional(),
            /** Shippo pushes tracking webhooks; set false to poll instead. Default true. */
            webhooks: z.boolean().default(true),
          })
          .strict()
          .optional(),
        /** EasyPost. Pass the key from the environment: `api_key: process.env.EASYPOST_API_KEY`. */
        easypost: z
          .object({
            api_key: z.string().min(1, "api_key is required"),
            /** API base URL. Default `https://api.easypost.com/v2`. */
            base_url: z.string().url().optional(),
            /** The webhook secret set on the EasyPost webhook; required to accept EasyPost webhooks. */
            webhook_secret: z.string().min(1).optional(),
            /** EasyPost pushes tracking webhooks; set false to poll instead. Default true. */
            webhooks: z.boolean().default(true),
          })
          .strict()
          .optional(),
        /** Label file format bought by default. Default `PDF`. */
        label_format: z.enum(["PDF", "PNG", "ZPL"]).default("PDF"),
        /** Hours between tracking polls of a shipment whose carrier sends no webhooks. Default 1. */
        poll_interval_hours: z.number().positive().max(24 * 7).default(1),
      })
      .strict()
      .default({
        sandbox: { enabled: false, step_minutes: 2 },
        label_format: "PDF",
        poll_interval_hours: 1,
      }),
    digital_delivery: z
      .object({
        /** Minutes before each automatic retry; after the last, the delivery is Failed. */
        retry_minutes: z
          .array(z.number().positive().max(7 * 24 * 60))
          .min(1)
          .max(20)
          .default([1, 5, 30, 120, 360]),
        /**
         * Secret that signs download links. Pass it from the environment;
         * `ORDER_OPS_DOWNLOAD_SECRET` is read when it is not given (never COOKIE_SECRET).
         * With NODE_ENV=production the server refuses to start without one of at
         * least 32 characters (see `resolveDownloadSecret`).
         */
        download_secret: z.string().min(16, "download_secret must be at least 16 characters (32 in production)").optional(),
        /** Defaults for new download products. */
        link_lifetime_hours: z.number().positive().max(24 * 365).default(72),
        max_downloads: z.number().int().positive().max(1000).default(5),
        /** Allow webhook, RCON and Discord targets on loopback/private/link-local addresses. Default false. */
        allow_private_targets: z.boolean().default(false),
        /** Discord API base URL. */
        discord_base_url: z.string().url().default("https://discord.com/api/v10"),
        /** Per-request timeout for outside services, ms. */
        timeout_ms: z.number().int().min(100).max(120_000).default(10_000),
        /** Deliveries attempted at once by a sweep. */
        concurrency: z.number().int().min(1).max(100).default(10),
        /**
         * At most this many of a sweep's attempts go to one outside target (one webhook,
         * RCON or Discord delivery product) at once, so a target that hangs holds only these
         * slots and every other delivery keeps flowing. Downloads and codes are not limited.
         */
        per_target_concurrency: z.number().int().min(1).max(100).default(2),
        /**
         * Follow-ups of a delivered item run at once per process, per kind (instructions
         * emails; order auto-completion): the rest wait their turn, so a burst of deliveries
         * never crowds the deliveries themselves out of the database pool.
         */
        follow_up_concurrency: z.number().int().min(1).max(50).default(2),
        /** Complete the order (Medusa's complete-order workflow) once everything is delivered. */
        auto_complete: z.boolean().default(true),
        /** Notification template for delivery instructions (links, codes, notes). */
        instructions_template: z.string().min(1).default("order-ops-delivery-instructions"),
        /** Notification channel. */
        channel: z.string().min(1).default("email"),
      })
      .strict()
      .default({
        retry_minutes: [1, 5, 30, 120, 360],
        link_lifetime_hours: 72,
        max_downloads: 5,
        allow_private_targets: false,
        discord_base_url: "https://discord.com/api/v10",
        timeout_ms: 10_000,
        concurrency: 10,
        per_target_concurrency: 2,
        follow_up_concurrency: 2,
        auto_complete: true,
        instructions_template: "order-ops-delivery-instructions",
        channel: "email",
      }),
    webhooks: z
      .object({
        /** Allow endpoint URLs on http:// and on loopback/private/link-local addresses. Default false. */
        allow_private_targets: z.boolean().default(false),
        /** Per-request timeout, ms; a request that takes longer is a failed attempt. */
        timeout_ms: z.number().int().min(100).max(120_000).default(15_000),
        /** Deliveries attempted at once by one sweep. */
        concurrency: z.number().int().min(1).max(200).default(20),
        /** Seconds after the first attempt before each retry (Standard Webhooks' suggested schedule). */
        retry_schedule_seconds: z
          .array(z.number().int().min(0).max(7 * 24 * 3600))
          .min(1)
          .max(20)
          .default([0, 5, 300, 1800, 7200, 18000, 36000, 36000]),
        /** An endpoint failing for this many days in a row is disabled (and staff alerted). */
        disable_after_failing_days: z.number().positive().max(60).default(5),
        /** Hours the previous secret keeps signing after a rotation. */
        rotation_overlap_hours: z.number().min(0).max(24 * 7).default(24),
      })
      .strict()
      .default({
        allow_private_targets: false,
        timeout_ms: 15_000,
        concurrency: 20,
        retry_schedule_seconds: [0, 5, 300, 1800, 7200, 18000, 36000, 36000],
        disable_after_failing_days: 5,
        rotation_overlap_hours: 24,
      }),
    documents: z
      .object({
        /**
         * Issue the order's invoice when a payment is captured (idempotent: an
         * order has one invoice) and send it to the customer through the
         * notification module (Settings → Notifications, "Invoice issued").
         * Default `false`: invoices are issued from the order page or in bulk.
         */
        invoice_on_capture: z.boolean().default(false),
      })
      .strict()
      .default({ invoice_on_capture: false }),
    test_orders: z
      .object({
        /**
         * Never notify anyone about a test order (otherwise only the generated
         * test customer's address is ever notified). Default `false`.
         */
        suppress_notifications: z.boolean().default(false),
      })
      .strict()
      .default({ suppress_notifications: false }),
    /** Disputes (chargebacks). Optional: without it, staff record disputes by hand and nobody is alerted. */
    disputes: z
      .object({
        /**
         * Stripe dispute events (`charge.dispute.created|updated|closed`) at
         * `POST /hooks/order-ops/stripe/disputes`, verified with the endpoint's signing secret.
         */
        stripe: z
          .object({
            /** The webhook endpoint's signing secret (`whsec_…`). Pass it from the environment. */
            webhook_secret: z.string().min(1, "webhook_secret is required"),
          })
          .strict()
          .optional(),
        /**
         * Who hears about a new dispute until the notification settings' staff
         * recipients take over: addresses, template and channel.
         */
        staff_alert: z
          .object({
            emails: z.array(z.email()).max(20).default([]),
            template: z.string().min(1).default("order-ops-dispute-opened"),
            channel: z.string().min(1).default("email"),
          })
          .strict()
          .default({ emails: [], template: "order-ops-dispute-opened", channel: "email" }),
      })
      .strict()
      .optional(),
    /** Thresholds of the exceptions inbox's rules. Optional; defaults shown. */
    exceptions: z
      .object({
        /** A label bought and not scanned by the carrier after this many days. Default 3. */
        label_unscanned_days: z.number().positive().max(365).default(3),
        /**
         * Paid and not fulfilled after this many hours. Default 48. Or an SLA per shipping
         * option type, keyed by the type's code, with `default` for every other type (and
         * orders without one): `{ default: 48, express: 12 }`.
         */
        paid_unfulfilled_hours: z
          .union([
            z.number().positive().max(24 * 365),
            z.record(z.string().min(1), z.number().positive().max(24 * 365)).refine((m) => Object.keys(m).length > 0, "give at least one shipping option type"),
          ])
          .default(48),
        /** A label refund still pending after this many days. Default 14. */
        refund_pending_days: z.number().positive().max(365).default(14),
        /** On hold for longer than this many days. Default 3. */
        hold_days: z.number().positive().max(365).default(3),
        /**
         * Void a label that matches "bought and not scanned" by itself, before the carrier's
         * void window closes (a scheduled job, through the same workflow as the admin's Void).
         * Default false.
         */
        auto_void_unscanned_labels: z.boolean().default(false),
        /** Days after purchase a carrier still voids (and refunds) an unused label. Default 30 (USPS). */
        label_void_window_days: z.number().positive().max(365).default(30),
        /** Auto-void this many days before the void window closes. Default 2. */
        auto_void_days_before_deadline: z.number().min(0).max(365).default(2),
      })
      .strict()
      .optional(),
  })
  .strict()

export type PluginOptionsInput = z.input<typeof PluginOptionsSchema>
export type PluginOptions = z.output<typeof PluginOptionsSchema>

/**
 * Validates plugin options and fills in defaults.
 *
 * @throws MedusaError INVALID_DATA naming every bad option, e.g.
 *   `medusa-order-ops: invalid option "notes.max_length": Too big: expected number to be <=5000`.
 */
export function parsePluginOptions(raw: unknown): PluginOptions {
  const result = PluginOptionsSchema.safeParse(stripModuleKeys(raw))
  if (result.success) {
    return result.data
  }
  const problems = result.error.issues.map((issue) => {
    const path = issue.path.join(".") || "(root)"
    return `invalid option "${path}": ${issue.message}`
  })
  throw new MedusaError(
    MedusaError.Types.INVALID_DATA,
    `medusa-order-ops: ${problems.join("; ")}`
  )
}

/** Keys Medusa itself may place in a module's options; not ours to validate. */
const MEDUSA_MODULE_KEYS = new Set(["database", "providers", "scope", "resources"])

function stripModuleKeys(raw: unknown): Record<string, unknown> {
  if (!raw || typeof raw !== "object") {
    return {}
  }
  return Object.fromEntries(
    Object.entries(raw as Record<string, unknown>).filter(
      ([key]) => !MEDUSA_MODULE_KEYS.has(key)
    )
  )
}
