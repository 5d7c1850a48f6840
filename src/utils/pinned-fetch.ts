import ipaddr from "ipaddr.js"
import { MedusaError } from "@medusajs/framework/utils"
import { Agent, type Dispatcher } from "undici"
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
 * The body is read inside (bounded by the same timeout). Connections are
 * kept alive and reused across calls (one pool per option set, see
 * `sharedAgents`): the guard runs for every new connection, and a reused
 * one was checked when it opened. An injected resolver (tests) gets a
 * pool of its own per call, closed afterwards.
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
  /** The address the guard checked for this host (an IP literal: itself). */
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
/** The request {@link pinnedFetch} sends. */
export type PinnedRequestInit = {
  method: Dispatcher.HttpMethod
  headers?: Record<string, string>
  body?: string
}

export async function pinnedFetch(url: string, init: PinnedRequestInit, options: PinnedFetchOptions): Promise<PinnedResponse> {
  const host = targetHost(url)
  if (ipaddr.isValid(host)) {
    await assertPublicTarget(host, { allow_private_targets: options.allow_private_targets })
  }
  const pinned = options.resolver ? createPinnedAgent(options) : sharedPinnedAgent(options)
  try {
    // undici's own request API (fetch's WHATWG streams and Request objects
    // cost several times more CPU per call); it never follows redirects.
    const target = new URL(url)
    const res = await pinned.agent.request({
      origin: target.origin,
      path: `${target.pathname}${target.search}`,
      method: init.method,
      headers: init.headers,
      body: init.body,
      signal: AbortSignal.timeout(options.timeout_ms),
    })
    const text = await res.body.text()
    const headers = new Headers()
    for (const [name, value] of Object.entries(res.headers)) {
      for (const v of Array.isArray(value) ? value : value === undefined ? [] : [value]) {
        headers.append(name, v)
      }
    }
    const address = ipaddr.isValid(host) ? host : (pinned.checked.get(host) ?? null)
    return { status: res.statusCode, headers, text, address }
  } finally {
    if (options.resolver) {
      pinned.agent.destroy().catch(() => undefined)
    }
  }
}

/** An undici agent whose every new connection goes through the guard, and the address each host was last pinned to. */
type PinnedAgent = { agent: Agent; checked: Map<string, string> }

/**
 * Connection pools shared by every call with the same options (the
 * system resolver): keep-alive connections are reused, and each NEW
 * connection is looked up and checked again, so a reused connection only
 * ever goes to an address the guard passed. Idle connections close after
 * undici's keep-alive timeout (a few seconds). Bounded by the handful of
 * option combinations the plugin uses.
 */
const sharedAgents = new Map<string, PinnedAgent>()

function sharedPinnedAgent(options: PinnedFetchOptions): PinnedAgent {
  const key = `${options.allow_private_targets}|${options.timeout_ms}|${options.lookup_timeout_ms}`
  let pinned = sharedAgents.get(key)
  if (!pinned) {
    pinned = createPinnedAgent(options)
    sharedAgents.set(key, pinned)
  }
  return pinned
}

function createPinnedAgent(options: PinnedFetchOptions): PinnedAgent {
  const checked = new Map<string, string>()
  const agent = new Agent({
    // Reuse a connection only while work keeps it busy: one idle for a
    // second is closed, so no request is ever written to a connection the
    // other side may be closing after its own idle timeout.
    keepAliveTimeout: 1_000,
    keepAliveMaxTimeout: 1_000,
    connect: {
      timeout: options.timeout_ms,
      lookup: (hostname, lookupOptions, callback) => {
        resolveHost(hostname, { lookup_timeout_ms: options.lookup_timeout_ms, resolver: options.resolver })
          .then((addresses) => {
            if (!options.allow_private_targets) {
              assertPublicAddresses(hostname, addresses)
            }
            const [{ address, family }] = addresses
            checked.set(hostname, address)
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
  return { agent, checked }
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
