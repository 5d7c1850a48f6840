import { createHash, timingSafeEqual } from "node:crypto"
import { MedusaError } from "@medusajs/framework/utils"
import type { DistanceUnit, MassUnit, RateRequest, WebhookRequest } from "./types"

/** Helpers shared by the carrier clients. Pure, no I/O. */

const GRAMS_PER: Record<MassUnit, number> = { g: 1, kg: 1000, oz: 28.349523125, lb: 453.59237 }
const MM_PER: Record<DistanceUnit, number> = { mm: 1, cm: 10, m: 1000, in: 25.4, ft: 304.8, yd: 914.4 }

/** Converts a weight between units. */
export function convertMass(value: number, from: MassUnit, to: MassUnit): number {
  return (value * GRAMS_PER[from]) / GRAMS_PER[to]
}

/** Converts a length between units. */
export function convertDistance(value: number, from: DistanceUnit, to: DistanceUnit): number {
  return (value * MM_PER[from]) / MM_PER[to]
}

/** Rounds to `digits` decimals (carriers reject long fractions). */
export function round(value: number, digits = 2): number {
  const f = 10 ** digits
  return Math.round(value * f) / f
}

/** Hex SHA-256 of a string. */
export function sha256(input: string): string {
  return createHash("sha256").update(input, "utf8").digest("hex")
}

/** JSON with sorted keys, so equal requests hash equally whatever the key order. */
export function stableStringify(value: unknown): string {
  if (Array.isArray(value)) {
    return `[${value.map(stableStringify).join(",")}]`
  }
  if (value && typeof value === "object") {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${stableStringify(v)}`).join(",")}}`
  }
  return JSON.stringify(value ?? null)
}

/** Constant-time string equality; false (not a throw) on different lengths. */
export function safeEqual(a: string, b: string): boolean {
  const left = Buffer.from(a, "utf8")
  const right = Buffer.from(b, "utf8")
  return left.length === right.length && timingSafeEqual(left, right)
}

/** One header value (the first when repeated), by lower-case name. */
export function headerValue(headers: WebhookRequest["headers"], name: string): string | null {
  const value = headers[name.toLowerCase()]
  if (Array.isArray(value)) {
    return value[0] ?? null
  }
  return typeof value === "string" ? value : null
}

/** Whether sender and recipient are in different countries. */
export function isInternational(request: Pick<RateRequest, "from" | "to">): boolean {
  return request.from.country_code.toUpperCase() !== request.to.country_code.toUpperCase()
}

/**
 * The request's customs declaration, required for international shipments.
 *
 * @throws MedusaError INVALID_DATA "customs: required …" when missing.
 */
export function requireCustomsIfInternational(request: RateRequest): void {
  if (isInternational(request) && !request.customs?.items?.length) {
    throw new MedusaError(
      MedusaError.Types.INVALID_DATA,
      `customs: required when shipping from ${request.from.country_code} to ${request.to.country_code}`
    )
  }
}

/** ISO date-time `days` days after `from` (an ISO date or date-time). */
export function addDays(from: string | Date, days: number): string {
  const start = typeof from === "string" ? new Date(from.length === 10 ? `${from}T12:00:00Z` : from) : from
  return new Date(start.getTime() + days * 24 * 60 * 60 * 1000).toISOString()
}

/** Joins whatever strings an error body holds (`{detail}`, `{field: [msgs]}`, nested). */
export function collectMessages(value: unknown, prefix = ""): string[] {
  if (value == null) {
    return []
  }
  if (typeof value === "string") {
    return [prefix ? `${prefix}: ${value}` : value]
  }
  if (typeof value === "number" || typeof value === "boolean") {
    return [prefix ? `${prefix}: ${String(value)}` : String(value)]
  }
  if (Array.isArray(value)) {
    return value.flatMap((v) => collectMessages(v, prefix))
  }
  if (typeof value === "object") {
    return Object.entries(value as Record<string, unknown>).flatMap(([k, v]) =>
      collectMessages(v, k === "detail" || k === "message" || k === "text" || k === "__all__" ? prefix : k)
    )
  }
  return []
}

/**
 * Converts a carrier failure into a MedusaError: the carrier refusing our
 * input (4xx other than auth/rate-limit) is INVALID_DATA with its message;
 * anything else (auth, 429, 5xx, network) is UNEXPECTED_STATE.
 */
export function carrierError(carrier: string, operation: string, status: number | null, message: string): MedusaError {
  const rejected = status !== null && status >= 400 && status < 500 && ![401, 403, 408, 429].includes(status)
  if (rejected) {
    return new MedusaError(MedusaError.Types.INVALID_DATA, `${carrier} rejected ${operation}: ${message}`)
  }
  const why = status === 401 || status === 403 ? "the API key was refused" : status ? `HTTP ${status}` : "unreachable"
  return new MedusaError(MedusaError.Types.UNEXPECTED_STATE, `${carrier} ${operation} failed (${why}): ${message}`)
}

/**
 * Fetches a carrier-hosted label file. A network error or a 5xx is an
 * outage; other statuses are reported as 503 (the file is not there yet).
 */
export async function downloadLabelFile(
  fetchImpl: typeof fetch,
  carrier: string,
  label_url: string
): Promise<{ content: Buffer; mime_type: string }> {
  let response: Response
  try {
    response = await fetchImpl(label_url)
  } catch (e) {
    throw carrierError(carrier, "label download", null, (e as Error).message)
  }
  if (!response.ok) {
    throw carrierError(carrier, "label download", response.status >= 500 ? response.status : 503, await response.text())
  }
  return {
    content: Buffer.from(await response.arrayBuffer()),
    mime_type: response.headers.get("content-type")?.split(";")[0] ?? "application/octet-stream",
  }
}
