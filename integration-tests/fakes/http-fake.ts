import http from "node:http"
import type { AddressInfo } from "node:net"

/**
 * The plumbing the fake carrier servers share: a node `http` server on
 * 127.0.0.1:0 that records every request, can be told to fail or to "lose"
 * the answer of the next matching request, and routes the rest to a handler.
 * No jest globals: HTTP specs and unit specs both use it.
 */

/** One request the fake received. */
export type RecordedRequest = {
  method: string
  /** Path without the query string. */
  path: string
  query: Record<string, string>
  headers: http.IncomingHttpHeaders
  raw_body: string
  /** The JSON body, parsed; null when empty or not JSON. */
  body: any
}

/** What a route answers. */
export type FakeResponse = {
  status: number
  body?: unknown
  /** Sent as-is instead of JSON. */
  raw?: Buffer
  content_type?: string
}

type Failure = { match: string; status: number; body?: unknown; lose: boolean }

/** A running fake. */
export type FakeServerHandle<State> = {
  url: string
  requests: RecordedRequest[]
  state: State
  /**
   * The next request whose `"METHOD /path"` or path starts with `match`
   * (e.g. `"POST /transactions"`, `"/shipments"`) gets `status` and `body`
   * instead of being handled.
   */
  failNext(match: string, status: number, body?: unknown): void
  /**
   * The next matching request IS handled (state changes, a label is sold)
   * but the client gets `status` (default 504) instead of the answer: a lost
   * response.
   */
  loseNext(match: string, status?: number): void
  close(): Promise<void>
}

/** Starts a fake with the given router. */
export async function startFake<State>(
  state: State,
  route: (req: RecordedRequest, baseUrl: string) => FakeResponse | Promise<FakeResponse>,
  listenPort = 0
): Promise<FakeServerHandle<State>> {
  const requests: RecordedRequest[] = []
  const failures: Failure[] = []
  let baseUrl = ""

  const server = http.createServer((incoming, outgoing) => {
    const chunks: Buffer[] = []
    incoming.on("data", (c: Buffer) => chunks.push(c))
    incoming.on("end", () => {
      void (async () => {
        const url = new URL(incoming.url ?? "/", baseUrl)
        const raw_body = Buffer.concat(chunks).toString("utf8")
        let body: any = null
        if (raw_body) {
          try {
            body = JSON.parse(raw_body)
          } catch {
            body = null
          }
        }
        const request: RecordedRequest = {
          method: incoming.method ?? "GET",
          path: url.pathname,
          query: Object.fromEntries(url.searchParams.entries()),
          headers: incoming.headers,
          raw_body,
          body,
        }
        requests.push(request)
        const op = `${request.method} ${request.path}`
        const index = failures.findIndex((f) => op.startsWith(f.match) || request.path.startsWith(f.match))
        const failure = index >= 0 ? failures.splice(index, 1)[0] : null
        let response: FakeResponse
        try {
          if (failure && !failure.lose) {
            response = { status: failure.status, body: failure.body ?? { error: "injected failure" } }
          } else {
            response = await route(request, baseUrl)
            if (failure) {
              response = { status: failure.status, body: failure.body ?? { error: "gateway timeout" } }
            }
          }
        } catch (e) {
          response = { status: 500, body: { error: (e as Error).message } }
        }
        if (response.raw) {
          outgoing.writeHead(response.status, { "content-type": response.content_type ?? "application/octet-stream" })
          outgoing.end(response.raw)
        } else {
          outgoing.writeHead(response.status, { "content-type": response.content_type ?? "application/json" })
          outgoing.end(response.body === undefined ? "" : JSON.stringify(response.body))
        }
      })()
    })
  })

  await new Promise<void>((resolve) => server.listen(listenPort, "127.0.0.1", resolve))
  const { port } = server.address() as AddressInfo
  baseUrl = `http://127.0.0.1:${port}`

  return {
    url: baseUrl,
    requests,
    state,
    failNext(match, status, body) {
      failures.push({ match, status, body, lose: false })
    },
    loseNext(match, status = 504) {
      failures.push({ match, status, lose: true })
    },
    close() {
      server.closeAllConnections()
      return new Promise<void>((resolve, reject) => server.close((err) => (err ? reject(err) : resolve())))
    },
  }
}

/** A tiny valid one-page PDF, served as a hosted label. */
export function tinyPdf(text: string): Buffer {
  const stream = `BT /F1 18 Tf 20 200 Td (${text.replace(/[()\\]/g, "")}) Tj ET`
  const objects = [
    "<< /Type /Catalog /Pages 2 0 R >>",
    "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
    "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 288 432] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
    `<< /Length ${stream.length} >>\nstream\n${stream}\nendstream`,
    "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
  ]
  let out = "%PDF-1.4\n"
  const offsets: number[] = []
  objects.forEach((o, i) => {
    offsets.push(out.length)
    out += `${i + 1} 0 obj\n${o}\nendobj\n`
  })
  const xref = out.length
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`
  out += offsets.map((o) => `${String(o).padStart(10, "0")} 00000 n \n`).join("")
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`
  return Buffer.from(out, "latin1")
}

/** A 1×1 PNG, served as a hosted PNG label. */
export const TINY_PNG = Buffer.from(
  "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==",
  "base64"
)

/** A deterministic id: prefix + zero-padded counter in hex. */
export function makeIdFactory(): (prefix: string) => string {
  let n = 0
  return (prefix) => {
    n += 1
    return `${prefix}${n.toString(16).padStart(24, "0")}`
  }
}
