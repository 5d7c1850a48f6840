import type { PluginOptions } from "../../../options"
import { EasyPostCarrierClient } from "./easypost"
import { SandboxCarrierClient } from "./sandbox"
import { ShippoCarrierClient } from "./shippo"
import type { CarrierClient, CarrierCode } from "./types"

export * from "./types"
export * from "./status-map"
export { SandboxCarrierClient, ShippoCarrierClient, EasyPostCarrierClient }
export type { SandboxCarrierOptions } from "./sandbox"
export type { ShippoCarrierOptions } from "./shippo"
export type { EasyPostCarrierOptions } from "./easypost"

/** Carrier names as merchants see them. */
export const CARRIER_NAMES: Record<CarrierCode, string> = {
  sandbox: "Sandbox carrier",
  shippo: "Shippo",
  easypost: "EasyPost",
}

/**
 * One client per carrier the options configure. The sandbox is always there
 * (test orders use it even when `carriers.sandbox.enabled` is false); Shippo
 * and EasyPost only with an API key.
 */
export function createCarrierClients(options: PluginOptions["carriers"]): Map<CarrierCode, CarrierClient> {
  const clients = new Map<CarrierCode, CarrierClient>()
  clients.set("sandbox", new SandboxCarrierClient({ step_minutes: options.sandbox?.step_minutes }))
  if (options.shippo) {
    clients.set("shippo", new ShippoCarrierClient(options.shippo))
  }
  if (options.easypost) {
    clients.set("easypost", new EasyPostCarrierClient(options.easypost))
  }
  return clients
}
