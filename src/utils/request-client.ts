import type { MedusaRequest } from "@medusajs/framework/http"

/**
 * The client of a request as evidence records it: IP address (Express's
 * `req.ip`, which follows `X-Forwarded-For` only when the app trusts its
 * proxy) and user agent, trimmed to sane lengths.
 */
export function requestClient(req: MedusaRequest): { ip: string | null; user_agent: string | null } {
  const ip = req.ip ?? req.socket?.remoteAddress ?? null
  const ua = req.get("user-agent")
  return {
    ip: ip ? ip.replace(/^::ffff:/, "").slice(0, 100) : null,
    user_agent: ua ? ua.slice(0, 1000) : null,
  }
}
