import { MedusaError } from "@medusajs/framework/utils"
import { assertCarrierCode, CARRIER_NAMES, CARRIER_REGISTRY, CARRIERS } from "../../modules/shipment/carriers/registry"
import type { CarrierCode, CarrierRate, Parcel } from "../../modules/shipment/carriers/types"
import { round } from "../../modules/shipment/carriers/util"

/**
 * Pure helpers of the carrier fulfillment provider: which options it offers,
 * what a shipping option's `data` must hold, how cart or order items become a
 * parcel, and which quote prices a shipping method. No I/O.
 */

/** What a shipping option of this provider keeps in its `data` (one fulfillment option). */
export type CarrierOptionData = {
  /** `<carrier>:<service_code>` or `<carrier>:cheapest`. */
  id: string
  name: string
  carrier: CarrierCode
  /** The carrier's service token; null prices the cheapest quote. */
  service_code: string | null
}

/** The literal that stands for "the cheapest quote" in option ids. */
export const CHEAPEST = "cheapest"

/**
 * Defaults used when a variant lacks shipping facts. Medusa stores variant
 * weight and dimensions without units; this provider reads weight in grams
 * and dimensions in centimetres.
 */
export const PARCEL_DEFAULTS = {
  /** Weight of one unit whose variant has no weight. */
  item_weight_g: 500,
  /** The box used when any item lacks a dimension (length × width × height). */
  box_cm: { length: 30, width: 20, height: 10 },
  /** Packaging added to every parcel. */
  packaging_g: 100,
} as const

/**
 * The fulfillment options offered to merchants, per available carrier in
 * registry order: one per service for a carrier with a fixed list (the
 * sandbox's three), else one "cheapest rate" option. A merchant may also
 * create an option whose `data` names any other service code of such a
 * carrier (see {@link parseOptionData}).
 */
export function listFulfillmentOptions(available: CarrierCode[]): CarrierOptionData[] {
  return CARRIERS.filter((c) => available.includes(c.code)).flatMap((c): CarrierOptionData[] =>
    c.services
      ? c.services.map((service) => ({ id: `${c.code}:${service.code}`, name: service.name, carrier: c.code, service_code: service.code }))
      : [{ id: `${c.code}:${CHEAPEST}`, name: `${c.name} (cheapest rate)`, carrier: c.code, service_code: null }]
  )
}

/**
 * Reads a shipping option's (or shipping method's) `data`.
 *
 * @throws MedusaError INVALID_DATA when `carrier` is not one of ours, the
 *   carrier is not configured in this store, or a service is not in its fixed list.
 */
export function parseOptionData(data: Record<string, unknown> | null | undefined, available: CarrierCode[]): CarrierOptionData {
  const code = data?.carrier
  assertCarrierCode(code, "data.carrier")
  if (!available.includes(code)) {
    throw new MedusaError(MedusaError.Types.INVALID_DATA, `data.carrier: "${code}" is not configured in this store`)
  }
  const entry = CARRIER_REGISTRY[code]
  const raw = data?.service_code
  const serviceCode = typeof raw === "string" && raw.trim() && raw !== CHEAPEST ? raw.trim() : null
  if (raw !== undefined && raw !== null && typeof raw !== "string") {
    throw new MedusaError(MedusaError.Types.INVALID_DATA, "data.service_code: must be a string or null")
  }
  if (entry.services && serviceCode && !entry.services.some((s) => s.code === serviceCode)) {
    throw new MedusaError(
      MedusaError.Types.INVALID_DATA,
      `data.service_code: ${entry.name} offers ${entry.services.map((s) => s.code).join(", ")} (got "${serviceCode}")`
    )
  }
  return {
    id: `${code}:${serviceCode ?? CHEAPEST}`,
    name: typeof data?.name === "string" ? data.name : `${entry.name} ${serviceCode ?? CHEAPEST}`,
    carrier: code,
    service_code: serviceCode,
  }
}

/** The shipping facts of one line, as cart and order items carry them. */
export type ParcelItem = {
  quantity: number
  variant?: {
    weight?: number | string | null
    length?: number | string | null
    width?: number | string | null
    height?: number | string | null
  } | null
}

const positive = (value: unknown): number | null => {
  const n = typeof value === "string" ? Number(value) : typeof value === "number" ? value : NaN
  return Number.isFinite(n) && n > 0 ? n : null
}

/**
 * One parcel for the items: the weights add up (a unit without a weight
 * counts {@link PARCEL_DEFAULTS.item_weight_g}) plus packaging; when every
 * item has all three dimensions the units are stacked (longest length,
 * widest width, heights added), otherwise the default box is used.
 *
 * @throws MedusaError INVALID_DATA when there is nothing to ship.
 */
export function buildParcel(items: ParcelItem[]): Parcel {
  const lines = items.filter((i) => Number(i.quantity) > 0)
  if (!lines.length) {
    throw new MedusaError(MedusaError.Types.INVALID_DATA, "items: there is nothing to ship")
  }
  let grams = PARCEL_DEFAULTS.packaging_g
  let length = 0
  let width = 0
  let height = 0
  let allSized = true
  for (const item of lines) {
    const quantity = Number(item.quantity)
    grams += quantity * (positive(item.variant?.weight) ?? PARCEL_DEFAULTS.item_weight_g)
    const l = positive(item.variant?.length)
    const w = positive(item.variant?.width)
    const h = positive(item.variant?.height)
    if (l === null || w === null || h === null) {
      allSized = false
      continue
    }
    length = Math.max(length, l)
    width = Math.max(width, w)
    height += h * quantity
  }
  const box = allSized ? { length, width, height } : PARCEL_DEFAULTS.box_cm
  return {
    length: round(box.length, 1),
    width: round(box.width, 1),
    height: round(box.height, 1),
    distance_unit: "cm",
    weight: round(grams / 1000, 3),
    mass_unit: "kg",
  }
}

/**
 * The quote that prices an option: its service's, or the cheapest.
 *
 * @throws MedusaError INVALID_DATA when the carrier returned no quote for the service.
 */
export function pickRate(rates: CarrierRate[], option: Pick<CarrierOptionData, "carrier" | "service_code">): CarrierRate {
  const candidates = option.service_code ? rates.filter((r) => r.service_code === option.service_code) : rates
  const rate = [...candidates].sort((a, b) => a.amount - b.amount)[0]
  if (!rate) {
    throw new MedusaError(
      MedusaError.Types.INVALID_DATA,
      option.service_code
        ? `${CARRIER_NAMES[option.carrier]} offers no "${option.service_code}" service for this address`
        : `${CARRIER_NAMES[option.carrier]} returned no rates for this address`
    )
  }
  return rate
}

/**
 * A live carrier quotes in its account's currency; Medusa would book that
 * number in the cart's currency, so a mismatch is refused.
 *
 * @throws MedusaError NOT_ALLOWED when the quote and cart currencies differ.
 */
export function throwIfCurrencyMismatch(rate: Pick<CarrierRate, "currency_code" | "carrier_name">, cartCurrency: string): void {
  if (rate.currency_code.toLowerCase() !== cartCurrency.toLowerCase()) {
    throw new MedusaError(
      MedusaError.Types.NOT_ALLOWED,
      `${rate.carrier_name} quotes in ${rate.currency_code.toUpperCase()} but the cart is in ${cartCurrency.toUpperCase()}; ` +
        "use this shipping option only in regions with the carrier account's currency"
    )
  }
}
