import { MedusaError } from "@medusajs/framework/utils"
import type { PluginOptions } from "../../../options"
import type { ShipmentStatusValue } from "../state-machine"
import { EasyPostCarrierClient } from "./easypost"
import { SANDBOX_SERVICES, SandboxCarrierClient } from "./sandbox"
import { ShippoCarrierClient } from "./shippo"
import { mapEasyPostStatus, mapSandboxStatus, mapShippoStatus } from "./status-map"
import { LABEL_FORMATS, type CarrierClient, type LabelFormat } from "./types"

/**
 * Every carrier the plugin talks to, as data: the one place that knows a
 * carrier's code, name, client, status map, how its tracking arrives and
 * which label formats it prints. Everything that would otherwise switch on
 * a carrier code (validators, the webhook route, the tracking poll, the
 * checkout options, the admin's carrier list) reads it. Adding a carrier is
 * its client (`carriers/<code>/index.ts`, implementing `CarrierClient`),
 * its code below and its entry (see the README, "Adding a carrier"); the
 * `carrier` columns are text checked against this list, so no migration.
 */

/** The carriers' codes. `sandbox` is offline and deterministic: the demo store and test orders use it. */
export const CARRIER_CODES = ["sandbox", "shippo", "easypost"] as const
export type CarrierCode = (typeof CARRIER_CODES)[number]

/** The plugin's `carriers` options. */
export type CarrierOptions = PluginOptions["carriers"]

/** One carrier, as the registry describes it. */
export type CarrierRegistryEntry<C extends CarrierCode = CarrierCode> = {
  code: C
  /** As merchants see it. */
  name: string
  /** Live carriers buy real labels (and may not serve test orders); the sandbox never does. */
  live: boolean
  /**
   * How tracking arrives by default: `push` carriers send webhooks
   * (`/hooks/carriers/<code>`) unless configured with `webhooks: false`;
   * `poll` carriers are asked by the follow-up job.
   */
  tracking: "push" | "poll"
  /** The label files it prints, the first being its default. */
  label_formats: readonly LabelFormat[]
  /**
   * Its services when they are a fixed list (each one a checkout option), or
   * null when it takes any of its service codes (checkout offers "cheapest rate").
   */
  services: readonly { code: string; name: string }[] | null
  /** Its tracking statuses mapped onto ours (null: no equivalent, record without moving). */
  mapStatus: (status: string | null | undefined, substatus?: string | null) => ShipmentStatusValue | null
  /** Its client, or null when the options do not configure it. */
  createClient: (options: CarrierOptions) => CarrierClient | null
  /** Whether it pushes tracking with these options (otherwise it is polled). */
  pushesTracking: (options: CarrierOptions) => boolean
  /** Minutes between tracking polls, when polled. */
  pollIntervalMinutes: (options: CarrierOptions) => number
  /**
   * Whether, once its client exists, merchants may use it on real orders
   * with these options (test orders use only non-live carriers).
   */
  enabledForRealOrders: (options: CarrierOptions) => boolean
}

const hourly = (options: CarrierOptions) => options.poll_interval_hours * 60

/** The registry, one entry per code. */
export const CARRIER_REGISTRY: { readonly [C in CarrierCode]: CarrierRegistryEntry<C> } = {
  sandbox: {
    code: "sandbox",
    name: "Sandbox carrier",
    live: false,
    tracking: "poll",
    label_formats: ["PDF", "ZPL"],
    services: SANDBOX_SERVICES,
    mapStatus: mapSandboxStatus,
    // Always there: test orders use it even when `carriers.sandbox.enabled` is false.
    createClient: (options) => new SandboxCarrierClient({ step_minutes: options.sandbox?.step_minutes }),
    pushesTracking: () => false,
    pollIntervalMinutes: (options) => options.sandbox.step_minutes,
    enabledForRealOrders: (options) => options.sandbox.enabled,
  },
  shippo: {
    code: "shippo",
    name: "Shippo",
    live: true,
    tracking: "push",
    label_formats: ["PDF", "PNG", "ZPL"],
    services: null,
    mapStatus: mapShippoStatus,
    createClient: (options) => (options.shippo ? new ShippoCarrierClient(options.shippo) : null),
    pushesTracking: (options) => options.shippo?.webhooks !== false,
    pollIntervalMinutes: hourly,
    enabledForRealOrders: () => true,
  },
  easypost: {
    code: "easypost",
    name: "EasyPost",
    live: true,
    tracking: "push",
    label_formats: ["PDF", "PNG", "ZPL"],
    services: null,
    mapStatus: mapEasyPostStatus,
    createClient: (options) => (options.easypost ? new EasyPostCarrierClient(options.easypost) : null),
    pushesTracking: (options) => options.easypost?.webhooks !== false,
    pollIntervalMinutes: hourly,
    enabledForRealOrders: () => true,
  },
}

/** Every entry, in code order. */
export const CARRIERS: readonly CarrierRegistryEntry[] = CARRIER_CODES.map((code) => CARRIER_REGISTRY[code])

/** Whether a string is a registered carrier code. */
export function isCarrierCode(code: unknown): code is CarrierCode {
  return typeof code === "string" && (CARRIER_CODES as readonly string[]).includes(code)
}

/**
 * The check the `carrier` text columns get where rows are written.
 *
 * @throws MedusaError INVALID_DATA "carrier: must be one of sandbox, shippo, easypost".
 */
export function assertCarrierCode(code: unknown, field = "carrier"): asserts code is CarrierCode {
  if (!isCarrierCode(code)) {
    throw new MedusaError(
      MedusaError.Types.INVALID_DATA,
      `${field}: must be one of ${CARRIER_CODES.join(", ")} (got ${JSON.stringify(code ?? null)})`
    )
  }
}

/** A carrier's registry entry. */
export function carrierEntry(code: CarrierCode): CarrierRegistryEntry {
  return CARRIER_REGISTRY[code]
}

/** Carrier names as merchants see them. */
export const CARRIER_NAMES = Object.fromEntries(CARRIERS.map((c) => [c.code, c.name])) as Record<CarrierCode, string>

/** Every label format some carrier prints, in `LABEL_FORMATS` order. */
export const CARRIER_LABEL_FORMATS: readonly LabelFormat[] = LABEL_FORMATS.filter((f) => CARRIERS.some((c) => c.label_formats.includes(f)))

/**
 * One client per carrier the options configure (the registry's factories;
 * the sandbox is always there).
 */
export function createCarrierClients(options: CarrierOptions): Map<CarrierCode, CarrierClient> {
  const clients = new Map<CarrierCode, CarrierClient>()
  for (const entry of CARRIERS) {
    const client = entry.createClient(options)
    if (client) {
      clients.set(entry.code, client)
    }
  }
  return clients
}

/** Whether a carrier's labels are tracked by polling with these options (no webhooks). */
export function isTrackingPolled(code: CarrierCode, options: CarrierOptions): boolean {
  return !CARRIER_REGISTRY[code].pushesTracking(options)
}

/** When a polled label should next be asked for tracking. */
export function nextTrackingPollAt(code: CarrierCode, options: CarrierOptions, now = new Date()): Date {
  return new Date(now.getTime() + CARRIER_REGISTRY[code].pollIntervalMinutes(options) * 60_000)
}
