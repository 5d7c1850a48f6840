import type { LookupAddress, LookupOptions } from "node:dns"
import { Agent } from "undici"

/**
 * An undici dispatcher that connects only to `address`, the one the SSRF
 * guard checked, whatever the DNS says by the time the socket opens: a
 * DNS-rebinding host cannot answer a public address to the check and a
 * private one to the connection. TLS still verifies the certificate for the
 * URL's host name (SNI uses the host name, not the address).
 */
export function pinnedDispatcher(address: string, options: { timeout_ms: number }): Agent {
  const family = address.includes(":") ? 6 : 4
  return new Agent({
    connections: 1,
    pipelining: 1,
    headersTimeout: options.timeout_ms,
    bodyTimeout: options.timeout_ms,
    connect: {
      timeout: options.timeout_ms,
      lookup: (
        _hostname: string,
        lookupOptions: LookupOptions,
        callback: (err: NodeJS.ErrnoException | null, address: string | LookupAddress[], family?: number) => void
      ) => {
        if (lookupOptions?.all) {
          callback(null, [{ address, family }])
        } else {
          callback(null, address, family)
        }
      },
    },
  })
}
