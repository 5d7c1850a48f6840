import { DiscordRoleDeliveryMethod } from "./discord"
import { RconDeliveryMethod } from "./rcon"
import { withDefaults } from "./shared"
import type { DeliveryMethodOptions, RemoteDeliveryMethod } from "./types"
import { WebhookDeliveryMethod } from "./webhook"

/**
 * The outside-service delivery methods (webhook, RCON, Discord role), built
 * from the plugin options. Download and license-code deliveries are
 * database work in the workflows and have no method object.
 */

export { maskSecret } from "./shared"
export { DiscordRoleDeliveryMethod } from "./discord"
export { RconDeliveryMethod } from "./rcon"
export { WebhookDeliveryMethod } from "./webhook"

/** Codes of the methods that talk to outside services. */
export type RemoteDeliveryMethodCode = "webhook" | "rcon" | "discord_role"

/**
 * One instance of each outside-service method, sharing `options`
 * (missing fields take the documented defaults).
 */
export function createRemoteDeliveryMethods(
  options: Partial<DeliveryMethodOptions> = {}
): Record<RemoteDeliveryMethodCode, RemoteDeliveryMethod> {
  const resolved = withDefaults(options)
  // Each method checks its own settings type; the record is keyed by code.
  return {
    webhook: new WebhookDeliveryMethod(resolved) as RemoteDeliveryMethod,
    rcon: new RconDeliveryMethod(resolved) as RemoteDeliveryMethod,
    discord_role: new DiscordRoleDeliveryMethod(resolved) as RemoteDeliveryMethod,
  }
}
