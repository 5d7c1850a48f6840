import dns from "node:dns"
import ipaddr from "ipaddr.js"
import { MedusaError } from "@medusajs/framework/utils"

/**
 * SSRF guard for merchant-configured delivery targets (webhook URLs, RCON
 * hosts, the Discord API base URL): a target must resolve only to public
 * unicast addresses unless the store explicitly allows private targets
 * (tests, the demo store).
 */

/** Resolves a host to all its addresses (`dns.promises.lookup` with `all: true` by default; tests inject one). */
export type HostResolver = (host: string) => Promise<{ address: string; family: number }[]>

/** Default resolver: the system's (`getaddrinfo`, like `net.connect`). */
export const systemResolver: HostResolver = (host) => dns.promises.lookup(host, { all: true })

/** Default DNS lookup timeout, ms. */
export const DEFAULT_LOOKUP_TIMEOUT_MS = 5_000

/** Options for {@link assertPublicTarget}. */
export type PublicTargetOptions = {
  /** Skip the address checks (still resolves the host). */
  allow_private_targets: boolean
  /** Give up resolving after this long (UNEXPECTED_STATE, a retry). Default 5,000 ms. */
  lookup_timeout_ms?: number
  /** Resolver to use; default the system's. */
  resolver?: HostResolver
}

/**
 * Resolves `host` with a timeout. `getaddrinfo` cannot be cancelled; we
 * stop waiting for it.
 *
 * @throws MedusaError UNEXPECTED_STATE when it fails, times out or answers nothing.
 */
export async function resolveHost(host: string, options: Pick<PublicTargetOptions, "lookup_timeout_ms" | "resolver"> = {}) {
  const timeoutMs = options.lookup_timeout_ms ?? DEFAULT_LOOKUP_TIMEOUT_MS
  let timer: NodeJS.Timeout | undefined
  let addresses: { address: string; family: number }[]
  try {
    addresses = await Promise.race([
      (options.resolver ?? systemResolver)(host),
      new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(Object.assign(new Error("lookup timed out"), { code: `timed out after ${timeoutMs} ms` })), timeoutMs)
      }),
    ])
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code ?? "lookup failed"
    throw new MedusaError(MedusaError.Types.UNEXPECTED_STATE, `Could not resolve delivery target host "${host}": ${code}`)
  } finally {
    clearTimeout(timer)
  }
  if (!addresses.length) {
    throw new MedusaError(MedusaError.Types.UNEXPECTED_STATE, `Delivery target host "${host}" resolved to no address`)
  }
  return addresses
}

/**
 * Refuses the first forbidden address among `addresses` (see
 * {@link forbiddenAddressReason}).
 *
 * @throws MedusaError NOT_ALLOWED naming the host, address and reason.
 */
export function assertPublicAddresses(host: string, addresses: { address: string }[]): void {
  for (const { address } of addresses) {
    const reason = forbiddenAddressReason(address)
    if (reason) {
      const via = address === host ? "" : ` (resolves to ${address})`
      throw new MedusaError(
        MedusaError.Types.NOT_ALLOWED,
        `Delivery target host "${host}"${via} is ${reason}; private targets are not allowed`
      )
    }
  }
}

/** Plain-words reasons for the ipaddr.js range names we refuse. */
const RANGE_REASONS: Record<string, string> = {
  unspecified: "an unspecified address",
  broadcast: "a broadcast address",
  multicast: "a multicast address",
  linkLocal: "a link-local address",
  loopback: "a loopback address",
  carrierGradeNat: "a carrier-grade NAT address",
  private: "a private network address",
  uniqueLocal: "a unique-local address",
  reserved: "a reserved address",
  deprecatedSiteLocal: "a site-local address",
}

/**
 * Extracts the host from a URL (`https://host:port/path`), a bracketed IPv6
 * literal (`[::1]`) or returns a bare host/IP as is.
 */
export function targetHost(hostOrUrl: string): string {
  const value = hostOrUrl.trim()
  let host = value
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(value)) {
    try {
      host = new URL(value).hostname
    } catch {
      throw new MedusaError(MedusaError.Types.INVALID_DATA, `Delivery target "${hostOrUrl}" is not a valid URL`)
    }
  }
  if (host.startsWith("[") && host.endsWith("]")) {
    host = host.slice(1, -1)
  }
  if (!host) {
    throw new MedusaError(MedusaError.Types.INVALID_DATA, `Delivery target "${hostOrUrl}" has no host`)
  }
  return host
}

/**
 * Why an address may not be reached, or null when it is public unicast.
 * IPv6 forms that carry an IPv4 address (IPv4-mapped, IPv4-translated,
 * NAT64, IPv4-compatible) are judged by the embedded IPv4 address.
 */
export function forbiddenAddressReason(address: string): string | null {
  let parsed: ipaddr.IPv4 | ipaddr.IPv6
  try {
    parsed = ipaddr.parse(address)
  } catch {
    return "not an IP address"
  }
  if (parsed.kind() === "ipv6") {
    const v6 = parsed as ipaddr.IPv6
    const range = v6.range()
    const bytes = v6.toByteArray()
    const embedsV4 =
      range === "ipv4Mapped" ||
      range === "rfc6145" ||
      range === "rfc6052" ||
      // IPv4-compatible (::a.b.c.d, deprecated) has the first 96 bits zero.
      (bytes.slice(0, 12).every((b) => b === 0) && range !== "unspecified" && range !== "loopback")
    if (embedsV4) {
      const inner = new ipaddr.IPv4(bytes.slice(12))
      const innerReason = forbiddenAddressReason(inner.toString())
      return innerReason ? `${innerReason} (IPv4 inside an IPv6 address)` : null
    }
    if (range === "unicast") {
      return null
    }
    return RANGE_REASONS[range] ?? `a special-purpose address (${range})`
  }
  const range = (parsed as ipaddr.IPv4).range()
  if (range === "unicast") {
    return null
  }
  return RANGE_REASONS[range] ?? `a special-purpose address (${range})`
}

/**
 * Resolves the target's host (IP literals included) and refuses it when ANY
 * resolved address is loopback, private, link-local, unique-local,
 * unspecified, multicast, carrier-grade NAT, reserved, or an IPv6 form of
 * one of those — unless `allow_private_targets`.
 *
 * Returns the first resolved address. Connect to that address: RCON
 * connects to it, and HTTP goes through `pinnedFetch`
 * (src/utils/pinned-fetch.ts), whose connection resolves and checks the
 * host again and connects only to the address that passed, so a
 * DNS-rebinding host cannot answer a public address here and a private
 * one at connect time.
 *
 * @throws MedusaError NOT_ALLOWED naming the host and reason when refused;
 *   INVALID_DATA for a malformed target; UNEXPECTED_STATE when the host
 *   does not resolve in time (could be transient: callers treat it as a retry).
 */
export async function assertPublicTarget(
  hostOrUrl: string,
  options: PublicTargetOptions
): Promise<{ address: string; family: number }> {
  const host = targetHost(hostOrUrl)
  const addresses = await resolveHost(host, options)
  if (!options.allow_private_targets) {
    assertPublicAddresses(host, addresses)
  }
  return { address: addresses[0].address, family: addresses[0].family }
}

/** True when `e` is the refusal thrown by {@link assertPublicTarget} or a malformed target. */
export function isPermanentTargetError(e: unknown): boolean {
  return (
    MedusaError.isMedusaError(e) &&
    (e.type === MedusaError.Types.NOT_ALLOWED || e.type === MedusaError.Types.INVALID_DATA)
  )
}
