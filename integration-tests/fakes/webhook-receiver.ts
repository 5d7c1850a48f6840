import http from "node:http"
import type { AddressInfo } from "node:net"
import { Webhook } from "standardwebhooks"

/**
 * A merchant's webhook endpoint: an HTTP server on 127.0.0.1 that verifies
 * each request with the official `standardwebhooks` package
 * (`new Webhook(secret).verify(body, headers)`), records verified messages
 * and answers 400 to anything that does not verify. Switches make it answer
 * an error status, answer slowly, hang without answering, or go offline. No jest globals.
 */

/** A fixed Standard Webhooks secret for tests (`whsec_` + base64 of 32 bytes). */
export const WEBHOOK_FAKE_SECRET = `whsec_${Buffer.from("medusa-order-ops-test-secret-32b").toString("base64")}`

/** A request that verified. */
export type VerifiedWebhook = {
  id: string
  timestamp: string
  signature: string
  path: string
  /** The parsed JSON the sender signed. */
  payload: any
  raw_body: string
  /** The status the receiver answered. */
  answered: number
}

/** A request that did not verify. */
export type RejectedWebhook = { reason: string; headers: http.IncomingHttpHeaders; raw_body: string }

export type WebhookReceiverHandle = {
  /** Base URL; any path is accepted (use `url + "/hooks/orders"`). */
  url: string
  port: number
  secret: string
  /** Every request that verified, whatever was answered. */
  received: VerifiedWebhook[]
  /** Verified requests answered 2xx: what the merchant's system processed. */
  deliveries: VerifiedWebhook[]
  rejected: RejectedWebhook[]
  /** Answer this status to verified requests instead of 204 (e.g. 500, 410). null = 204. */
  respond_status: number | null
  /** Extra headers on those answers (e.g. `Retry-After` with a 429 or 503). */
  respond_headers: Record<string, string>
  /** Never answer (the request stays open until the client gives up). */
  hang: boolean
  /**
   * Take this long to process each verified request before answering (0 =
   * at once). A request whose sender dies meanwhile is still processed and
   * recorded, as a merchant's system would: its sender cannot know.
   */
  delay_ms: number
  /** Requests open right now (received, not yet answered or abandoned by the client). */
  open: number
  /** Most requests ever open at once. */
  maxOpen: number
  /** Distinct `webhook-id`s among accepted deliveries. */
  uniqueIds(): string[]
  /** Stops listening and drops open connections. */
  goOffline(): Promise<void>
  /** Listens again on the same port. */
  goOnline(): Promise<void>
  close(): Promise<void>
}

/** Starts the receiver on 127.0.0.1 with a random port (kept across offline/online). */
export async function startWebhookReceiver(options: { secret?: string; port?: number } = {}): Promise<WebhookReceiverHandle> {
  const secret = options.secret ?? WEBHOOK_FAKE_SECRET
  const verifier = new Webhook(secret)
  let server: http.Server | null = null
  let port = options.port ?? 0

  const handler = (req: http.IncomingMessage, res: http.ServerResponse) => {
    handle.open++
    handle.maxOpen = Math.max(handle.maxOpen, handle.open)
    res.on("close", () => handle.open--)
    const chunks: Buffer[] = []
    req.on("data", (c: Buffer) => chunks.push(c))
    req.on("end", () => {
      const raw_body = Buffer.concat(chunks).toString("utf8")
      const headers: Record<string, string> = {}
      for (const [k, v] of Object.entries(req.headers)) {
        if (typeof v === "string") {
          headers[k] = v
        }
      }
      let payload: unknown
      try {
        payload = verifier.verify(raw_body, headers)
      } catch (e) {
        handle.rejected.push({ reason: (e as Error).message, headers: req.headers, raw_body })
        res.writeHead(400, { "content-type": "application/json" })
        res.end(JSON.stringify({ error: (e as Error).message }))
        return
      }
      if (handle.hang) {
        handle.received.push(entry(req, headers, payload, raw_body, 0))
        return
      }
      const answer = () => {
        const status = handle.respond_status ?? 204
        const verified = entry(req, headers, payload, raw_body, status)
        handle.received.push(verified)
        if (status >= 200 && status < 300) {
          handle.deliveries.push(verified)
        }
        if (res.destroyed) {
          return
        }
        res.writeHead(status, { "content-type": "application/json", ...handle.respond_headers })
        res.end(status === 204 ? undefined : JSON.stringify({ ok: status < 300 }))
      }
      if (handle.delay_ms > 0) {
        setTimeout(answer, handle.delay_ms)
      } else {
        answer()
      }
    })
  }

  const entry = (
    req: http.IncomingMessage,
    headers: Record<string, string>,
    payload: unknown,
    raw_body: string,
    answered: number
  ): VerifiedWebhook => ({
    id: headers["webhook-id"],
    timestamp: headers["webhook-timestamp"],
    signature: headers["webhook-signature"],
    path: new URL(req.url ?? "/", "http://receiver").pathname,
    payload,
    raw_body,
    answered,
  })

  const listen = () =>
    new Promise<void>((resolve, reject) => {
      if (server) {
        resolve()
        return
      }
      const s = http.createServer(handler)
      s.once("error", reject)
      s.listen(port, "127.0.0.1", () => {
        s.off("error", reject)
        server = s
        port = (s.address() as AddressInfo).port
        handle.port = port
        handle.url = `http://127.0.0.1:${port}`
        resolve()
      })
    })

  const stop = () =>
    new Promise<void>((resolve) => {
      const s = server
      server = null
      if (!s) {
        resolve()
        return
      }
      s.closeAllConnections()
      s.close(() => resolve())
    })

  const handle: WebhookReceiverHandle = {
    url: "",
    port: 0,
    secret,
    received: [],
    deliveries: [],
    rejected: [],
    respond_status: null,
    respond_headers: {},
    hang: false,
    delay_ms: 0,
    open: 0,
    maxOpen: 0,
    uniqueIds: () => [...new Set(handle.deliveries.map((d) => d.id))],
    goOffline: stop,
    goOnline: listen,
    close: stop,
  }
  await listen()
  return handle
}
