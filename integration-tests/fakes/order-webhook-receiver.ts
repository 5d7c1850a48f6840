import http from "node:http"
import type { AddressInfo } from "node:net"

/**
 * A merchant's order-webhook endpoint on 127.0.0.1 that records every
 * request as received (raw body and headers) and answers what the test
 * says: a status, extra headers, or no answer at all (hang). The tests
 * verify the records with the official `standardwebhooks` library.
 */
export type RecordedRequest = { headers: Record<string, string>; raw_body: string; at: number }

export type OrderWebhookReceiver = {
  url: string
  requests: RecordedRequest[]
  respond_status: number
  respond_headers: Record<string, string>
  hang: boolean
  /** Wait this long before answering. */
  delay_ms: number
  close(): Promise<void>
}

export async function startOrderWebhookReceiver(): Promise<OrderWebhookReceiver> {
  const open = new Set<http.ServerResponse>()
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = []
    req.on("data", (c: Buffer) => chunks.push(c))
    req.on("end", () => {
      const headers: Record<string, string> = {}
      for (const [k, v] of Object.entries(req.headers)) {
        if (typeof v === "string") headers[k] = v
      }
      handle.requests.push({ headers, raw_body: Buffer.concat(chunks).toString("utf8"), at: Date.now() })
      if (handle.hang) {
        open.add(res)
        return
      }
      const answer = () => {
        res.writeHead(handle.respond_status, handle.respond_headers)
        res.end(handle.respond_status === 204 ? undefined : "answer")
      }
      if (handle.delay_ms > 0) {
        open.add(res)
        setTimeout(answer, handle.delay_ms)
      } else {
        answer()
      }
    })
  })
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve))
  const handle: OrderWebhookReceiver = {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks/orders`,
    requests: [],
    respond_status: 204,
    respond_headers: {},
    hang: false,
    delay_ms: 0,
    close: () =>
      new Promise<void>((resolve) => {
        for (const res of open) res.destroy()
        server.closeAllConnections()
        server.close(() => resolve())
      }),
  }
  return handle
}
