import { MedusaError } from "@medusajs/framework/utils"
import type { CarrierCode } from "../../../modules/shipment/carriers/types"
import type { AdminRate, LabelBatchRule } from "../../../types"

/**
 * The ledger key of one order's label in one batch. One key per batch and
 * order: a batch reclaimed after its worker died, or run again, finds the
 * label it already bought instead of buying a second one.
 */
export function labelBatchKey(batchId: string, orderId: string): string {
  return `label-batch:${batchId}:${orderId}`
}

/**
 * The carriers a batch asks for one order: the ones the merchant chose among
 * those available to the order. A test order is only ever offered the
 * sandbox (see `prepareLabelRequest`), so it keeps that whatever was chosen.
 * Pure.
 */
export function batchCarriers(available: CarrierCode[], wanted: CarrierCode[] | undefined, isTest: boolean): CarrierCode[] {
  if (isTest || !wanted?.length) {
    return available
  }
  return available.filter((c) => wanted.includes(c))
}

const cheaper = (a: AdminRate, b: AdminRate) => a.amount - b.amount || (a.estimated_days ?? 99) - (b.estimated_days ?? 99)
const faster = (a: AdminRate, b: AdminRate) => (a.estimated_days ?? 99) - (b.estimated_days ?? 99) || a.amount - b.amount

/**
 * Picks one order's rate by the batch's rule: the cheapest; the fastest
 * (fewest estimated days, then cheapest); or the cheapest of the services
 * named per carrier. A test order (quoted by the sandbox only) under a
 * service rule that names no sandbox service gets the sandbox's cheapest.
 * Pure.
 *
 * @throws MedusaError INVALID_DATA naming the order and why no rate fits,
 *   with each carrier's own error when one failed to quote.
 */
export function chooseBatchRate(input: {
  order_label: string
  rates: AdminRate[]
  errors: { carrier: CarrierCode; message: string }[]
  rule: LabelBatchRule
  is_test: boolean
}): AdminRate {
  const { rule, rates } = input
  let candidates = rates
  if (rule.type === "service") {
    const named = rates.filter((r) => rule.services[r.carrier] === r.service_code)
    const sandboxFallback = input.is_test && !rule.services.sandbox
    candidates = sandboxFallback ? rates : named
  }
  const sorted = [...candidates].sort(rule.type === "fastest" ? faster : cheaper)
  if (sorted[0]) {
    return sorted[0]
  }
  const why = input.errors.map((e) => `${e.carrier}: ${e.message}`).join("; ")
  const wanted =
    rule.type === "service"
      ? ` for ${Object.entries(rule.services)
          .map(([carrier, service]) => `${carrier} ${service}`)
          .join(", ")}`
      : ""
  throw new MedusaError(
    MedusaError.Types.INVALID_DATA,
    `Order ${input.order_label}: no rate${wanted}${rates.length ? ` among ${rates.length} quoted` : ""}${why ? ` (${why})` : ""}`
  )
}
