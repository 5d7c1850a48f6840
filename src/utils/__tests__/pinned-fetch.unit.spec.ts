import http from "node:http"
import type { AddressInfo } from "node:net"
import { startWebhookReceiver, WEBHOOK_FAKE_SECRET, type WebhookReceiverHandle } from "../../../integration-tests/fakes/webhook-receiver"
import { WebhookDeliveryMethod } from "../../modules/digital-delivery/methods"
import type { DeliveryContext } from "../../modules/digital-delivery/methods/types"
import type { HostResolver } from "../../modules/digital-delivery/ssrf"
import { isForbiddenTargetError, pinnedFetch } from "../pinned-fetch"

/**
 * Outgoing HTTP pinned to the checked address, against a real local HTTP
 * server and resolvers the test controls (no real DNS).
 */

/** A resolver answering `answers` in turn (the last one repeats), counting calls. */
function rebinding(...answers: string[]): HostResolver & { calls: number } {
  const resolver = Object.assign(
    async () => {
      const address = answers[Math.min(resolver.calls, answers.length - 1)]
      resolver.calls++
      return [{ address, family: address.includes(":") ? 6 : 4 }]
    },
    { calls: 0 }
  )
  return resolver
}

describe("pinnedFetch", () => {
  let server: http.Server
  let port: number
  const hits: string[] = []
  beforeAll(async () => {
    server = http.createServer((req, res) => {
      hits.push(`${req.method} ${req.headers.host} ${req.url}`)
      res.writeHead(200, { "content-type": "text/plain", "retry-after": "3" })
      res.end("hello")
    })
    await new Promise<void>((r) => server.listen(0, "127.0.0.1", r))
    port = (server.address() as AddressInfo).port
  })
  afterAll(() => new Promise<void>((r) => server.close(() => r())))
  beforeEach(() => hits.splice(0))

  it("connects to the address its own lookup checked, keeping the host name in the request", async () => {
    const resolver = rebinding("127.0.0.1")
    const res = await pinnedFetch(`http://shop-hooks.test:${port}/x`, { method: "GET" }, {
      allow_private_targets: true,
      timeout_ms: 2_000,
      lookup_timeout_ms: 1_000,
      resolver,
    })
    expect(res).toMatchObject({ status: 200, text: "hello", address: "127.0.0.1" })
    expect(res.headers.get("retry-after")).toBe("3")
    expect(hits).toEqual([`GET shop-hooks.test:${port} /x`])
    expect(resolver.calls).toBe(1)
  })

  it("refuses at connect time a host that now resolves to loopback", async () => {
    const error = await pinnedFetch(`http://shop-hooks.test:${port}/x`, { method: "GET" }, {
      allow_private_targets: false,
      timeout_ms: 2_000,
      lookup_timeout_ms: 1_000,
      resolver: rebinding("127.0.0.1"),
    }).catch((e: unknown) => e)
    expect(isForbiddenTargetError(error)).toBe(true)
    expect(hits).toEqual([])
  })

  it("gives up a lookup that hangs after lookup_timeout_ms (not a refusal)", async () => {
    const hanging: HostResolver = () => new Promise(() => undefined)
    const error = await pinnedFetch(`http://slow-dns.test:${port}/x`, { method: "GET" }, {
      allow_private_targets: true,
      timeout_ms: 5_000,
      lookup_timeout_ms: 200,
      resolver: hanging,
    }).catch((e: unknown) => e)
    expect(String((error as { cause?: { message?: string } }).cause?.message ?? error)).toContain("timed out after 200 ms")
    expect(isForbiddenTargetError(error)).toBe(false)
    expect(hits).toEqual([])
  })

  it("refuses a private IP literal up front", async () => {
    await expect(
      pinnedFetch(`http://127.0.0.1:${port}/x`, { method: "GET" }, { allow_private_targets: false, timeout_ms: 1_000, lookup_timeout_ms: 1_000 })
    ).rejects.toThrow("loopback")
    expect(hits).toEqual([])
  })
})

describe("DNS rebinding against a delivery webhook", () => {
  let receiver: WebhookReceiverHandle
  beforeAll(async () => {
    receiver = await startWebhookReceiver()
  })
  afterAll(() => receiver.close())

  const context: DeliveryContext = {
    delivery_id: "dlv_1",
    order_id: "order_1",
    display_id: 1,
    email: null,
    line_item_id: "ordli_1",
    variant_id: null,
    sku: null,
    title: "Item",
    quantity: 1,
    metadata: {},
    idempotency_key: "msg_ordli_1",
    attempt: 1,
  }

  it("a resolver answering a public address for the check, then 127.0.0.1, is refused at request time: nothing reaches the receiver", async () => {
    const resolver = rebinding("93.184.216.34", "127.0.0.1")
    const method = new WebhookDeliveryMethod({ allow_private_targets: false, timeout_ms: 2_000, lookup_timeout_ms: 1_000, resolver })
    const port = new URL(receiver.url).port
    const result = await method.deliver({ url: `http://rebind.test:${port}/orders`, secret: WEBHOOK_FAKE_SECRET }, context)
    expect(resolver.calls).toBe(2)
    expect(result.outcome).toBe("failed")
    expect(result.message).toMatch(/refused at connect time.*127\.0\.0\.1.*loopback/)
    expect(receiver.deliveries).toEqual([])
    expect(receiver.rejected).toEqual([])
  })
})
