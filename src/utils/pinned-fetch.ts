import ipaddr from "ipaddr.js"
import { MedusaError } from "@medusajs/framework/utils"
import { Agent, fetch as undiciFetch, type RequestInit } from "undici"
import {
  assertPublicAddresses,
  assertPublicTarget,
  resolveHost,
  targetHost,
  type HostResolver,
} from "../modules/digital-delivery/ssrf"

/**
 * Outgoing HTTP to merchant-configured URLs, pinned to the address that
 * passed the SSRF guard — for every plugin feature that calls a URL a
 * merchant typed (delivery webhooks, Discord, outgoing order webhooks…).
 *
 * How: an undici `Agent` whose `connect.lookup` resolves the host ONCE (with
 * a timeout), refuses it when any address is loopback/private/link-local/…
 * (unless private targets are allowed), and hands the socket exactly the
 * address it checked. The connection can therefore never go to an address
 * nobody checked, whatever a DNS-rebinding host answers between a check
 * and the request. An IP literal is checked up front (no lookup happens for
 * it). Redirects are never followed (a public URL could bounce to a private
 * one); the caller sees the 3xx.
 *
 * The body is read inside (bounded by the same timeout) and the agent is
 * closed, so nothing stays open when the caller is done.
 *
 * Usage:
 * ```ts
 * const res = await pinnedFetch("https://hooks.example.com/x", { method: "POST", body }, {
 *   allow_private_targets: false, timeout_ms: 10_000, lookup_timeout_ms: 5_000,
 * })
 * res.status; res.headers.get("retry-after"); res.text
 * ```
 */

/** Options of {@link pinnedFetch}. */
export type PinnedFetchOptions = {
  /** Allow loopback/private targets (tests, demo). */
  allow_private_targets: boolean
  /** Whole request (connect, send, read the body), ms. */
  timeout_ms: number
  /** DNS lookup, ms. */
  lookup_timeout_ms: number
  /** Resolver (tests inject one that rebinds); default the system's. */
  resolver?: HostResolver
}

/** What {@link pinnedFetch} answers: the body is already read. */
export type PinnedResponse = {
  status: number
  headers: Headers
  text: string
  /** The address the connection went to. */
  address: string | null
}

/** Error code of a connection refused by the guard at connect time. */
export const FORBIDDEN_TARGET_CODE = "ERR_ORDER_OPS_FORBIDDEN_TARGET"

/**
 * `fetch` pinned to a checked address. Throws like `fetch` (a network
 * error, `TimeoutError`); a target refused at connect time throws an error
 * whose `cause.code` is {@link FORBIDDEN_TARGET_CODE} (see {@link isForbiddenTargetError}).
 *
 * @throws MedusaError NOT_ALLOWED / INVALID_DATA for an IP literal refused up front.
 */
export async function pinnedFetch(url: string, init: Omit<RequestInit, "dispatcher" | "signal" | "redirect">, options: PinnedFetchOptions): Promise<PinnedResponse> {
  const host = targetHost(url)
  if (ipaddr.isValid(host)) {
    await assertPublicTarget(host, { allow_private_targets: options.allow_private_targets })
  }
  let connectedTo: string | null = ipaddr.isValid(host) ? host : null
  const agent = new Agent({
    connect: {
      timeout: options.timeout_ms,
      lookup: (hostname, lookupOptions, callback) => {
        resolveHost(hostname, { lookup_timeout_ms: options.lookup_timeout_ms, resolver: options.resolver })
          .then((addresses) => {
            if (!options.allow_private_targets) {
              assertPublicAddresses(hostname, addresses)
            }
            const [{ address, family }] = addresses
            connectedTo = address
            if ((lookupOptions as { all?: boolean }).all) {
              ;(callback as unknown as (e: null, a: { address: string; family: number }[]) => void)(null, [{ address, family }])
            } else {
              callback(null, address, family)
            }
          })
          .catch((e: Error) => {
            const refused = MedusaError.isMedusaError(e) && e.type === MedusaError.Types.NOT_ALLOWED
            callback(refused ? Object.assign(e, { code: FORBIDDEN_TARGET_CODE }) : e, "", 0)
          })
      },
    },
  })
  try {
    const res = await undiciFetch(url, {
      ...init,
      redirect: "manual",
      dispatcher: agent,
      signal: AbortSignal.timeout(options.timeout_ms),
    })
    const text = await res.text()
    return { status: res.status, headers: res.headers as unknown as Headers, text, address: connectedTo }
  } finally {
    agent.destroy().catch(() => undefined)
  }
}

/** Why the guard refused the address at connect time, when that is why {@link pinnedFetch} failed; else null. */
export function forbiddenTargetReason(e: unknown): string | null {
  let current: unknown = e
  for (let i = 0; i < 4 && current && typeof current === "object"; i++) {
    if ((current as { code?: unknown }).code === FORBIDDEN_TARGET_CODE) {
      return String((current as { message?: unknown }).message)
    }
    current = (current as { cause?: unknown }).cause
  }
  return null
}

/** True when {@link pinnedFetch} failed because the guard refused the address at connect time. */
export function isForbiddenTargetError(e: unknown): boolean {
  return forbiddenTargetReason(e) !== null
}
