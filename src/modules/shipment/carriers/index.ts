import { EasyPostCarrierClient } from "./easypost"
import { SandboxCarrierClient } from "./sandbox"
import { ShippoCarrierClient } from "./shippo"

export * from "./types"
export * from "./status-map"
export * from "./registry"
export { SandboxCarrierClient, ShippoCarrierClient, EasyPostCarrierClient }
export type { SandboxCarrierOptions } from "./sandbox"
export type { ShippoCarrierOptions } from "./shippo"
export type { EasyPostCarrierOptions } from "./easypost"
