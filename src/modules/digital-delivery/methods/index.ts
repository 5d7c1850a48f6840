import { MedusaError } from "@medusajs/framework/utils"
import { DiscordRoleDeliveryMethod } from "./discord"
import { DownloadDeliveryMethod } from "./download"
import { LicenseCodeDeliveryMethod } from "./license-code"
import { RconDeliveryMethod } from "./rcon"
import { isMasked, maskSecret, withDefaults } from "./shared"
import type { DeliveryMethod, DeliveryMethodCode, DeliveryMethodOptions } from "./types"
import { WebhookDeliveryMethod } from "./webhook"

/**
 * THE list of delivery methods. Everything that differs by method — the
 * settings validators, secret masking, SSRF checks, the sweep's per-target
 * limit, what a crash-interrupted attempt may do, revoke, the instructions
 * email and the admin's settings form — reads it from here.
 *
 * A sixth method is one file implementing {@link DeliveryMethod}, one line
 * below, and its tests: no migration (the `method` columns are text, checked
 * against this list where delivery products are written).
 */
export const DELIVERY_METHOD_FACTORIES: Record<DeliveryMethodCode, (options: DeliveryMethodOptions) => DeliveryMethod<unknown>> = {
  download: () => new DownloadDeliveryMethod(),
  license_code: () => new LicenseCodeDeliveryMethod(),
  webhook: (o) => new WebhookDeliveryMethod(o),
  rcon: (o) => new RconDeliveryMethod(o),
  discord_role: (o) => new DiscordRoleDeliveryMethod(o),
}

/** The codes of the registered methods, in registry order. */
export const DELIVERY_METHODS = Object.keys(DELIVERY_METHOD_FACTORIES) as [DeliveryMethodCode, ...DeliveryMethodCode[]]

/** The methods built with one set of options, looked up by code. */
export class DeliveryMethodRegistry {
  readonly options: DeliveryMethodOptions
  private readonly methods: Map<DeliveryMethodCode, DeliveryMethod>

  constructor(options: Partial<DeliveryMethodOptions> = {}) {
    this.options = withDefaults(options)
    this.methods = new Map(
      (Object.keys(DELIVERY_METHOD_FACTORIES) as DeliveryMethodCode[]).map((code) => [
        code,
        DELIVERY_METHOD_FACTORIES[code](this.options) as unknown as DeliveryMethod,
      ])
    )
  }

  /** @throws MedusaError INVALID_DATA for a code no method has. */
  get(code: string): DeliveryMethod {
    const method = this.methods.get(code as DeliveryMethodCode)
    if (!method) {
      throw new MedusaError(MedusaError.Types.INVALID_DATA, `method: "${code}" is not a delivery method`)
    }
    return method
  }

  list(): DeliveryMethod[] {
    return [...this.methods.values()]
  }

  /** Codes of the methods that talk to outside services. */
  remoteCodes(): DeliveryMethodCode[] {
    return this.list()
      .filter((m) => m.remote)
      .map((m) => m.code)
  }

  /** A product's settings with its method's secrets masked, for API answers. */
  maskSettings(code: string, settings: Record<string, unknown>): Record<string, unknown> {
    const secrets = new Set<string>(this.get(code).secretFields)
    return Object.fromEntries(
      Object.entries(settings ?? {}).map(([key, value]) =>
        secrets.has(key) && typeof value === "string" ? [key, maskSecret(value)] : [key, value]
      )
    )
  }

  /**
   * Keeps stored secrets when an update sends them back masked or leaves
   * them out, so editing other fields never needs the secret again.
   */
  mergeSecrets(code: string, previous: Record<string, unknown>, next: Record<string, unknown>): Record<string, unknown> {
    const merged = { ...next }
    for (const key of this.get(code).secretFields) {
      const value = merged[key]
      if ((value === undefined || isMasked(value)) && previous[key] !== undefined) {
        merged[key] = previous[key]
      }
    }
    return merged
  }

  /**
   * How long a lease must last so that no attempt outlives it: the slowest
   * method's worst case plus a margin for the database writes around it.
   */
  leaseSeconds(minimum: number): number {
    const worst = Math.max(...this.list().map((m) => m.worstCaseMs(this.options)))
    return Math.max(minimum, Math.ceil(worst / 1000) + 30)
  }
}

export { maskSecret, isMasked } from "./shared"
export { DiscordRoleDeliveryMethod } from "./discord"
export { DownloadDeliveryMethod } from "./download"
export { LicenseCodeDeliveryMethod } from "./license-code"
export { RconDeliveryMethod } from "./rcon"
export { WebhookDeliveryMethod } from "./webhook"
