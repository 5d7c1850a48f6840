import { Webhook } from "standardwebhooks"
import {
  startWebhookReceiver,
  WEBHOOK_FAKE_SECRET,
  type WebhookReceiverHandle,
} from "../../../../integration-tests/fakes/webhook-receiver"
import { maskSecret, WebhookDeliveryMethod } from "../methods"
import type { DeliveryContext, WebhookSettings } from "../methods/types"

/**
 * The webhook method against a local receiver that verifies with the
 * official `standardwebhooks` package.
 */

const context = (overrides: Partial<DeliveryContext> = {}): DeliveryContext => ({
  delivery_id: "ddel_01",
  order_id: "order_01",
  display_id: 42,
  email: "buyer@example.com",
  line_item_id: "ordli_01",
  variant_id: "variant_01",
  sku: "VIP-30D",
  title: "VIP rank (30 days)",
  quantity: 1,
  metadata: { player: "Steve" },
  idempotency_key: "ddel_01:deliver",
  attempt: 1,
  ...overrides,
})

describe("WebhookDeliveryMethod", () => {
  let receiver: WebhookReceiverHandle
  let settings: WebhookSettings
  const method = new WebhookDeliveryMethod({ allow_private_targets: true, timeout_ms: 2_000 })

  beforeEach(async () => {
    receiver = await startWebhookReceiver()
    settings = { url: `${receiver.url}/hooks/orders`, secret: WEBHOOK_FAKE_SECRET }
  })
  afterEach(() => receiver.close())

  it("posts a signed order_ops.delivery.requested message the official verifier accepts", async () => {
    const result = await method.deliver(settings, context())

    expect(result.outcome).toBe("delivered")
    expect(receiver.rejected).toEqual([])
    expect(receiver.deliveries).toHaveLength(1)
    const [d] = receiver.deliveries
    expect(d.path).toBe("/hooks/orders")
    expect(d.id).toBe("ddel_01:deliver")
    expect(Number(d.timestamp)).toBeGreaterThan(Date.now() / 1000 - 60)
    expect(d.signature).toMatch(/^v1,[A-Za-z0-9+/=]+$/)
    expect(d.payload).toEqual({
      type: "order_ops.delivery.requested",
      data: {
        delivery_id: "ddel_01",
        order_id: "order_01",
        display_id: 42,
        email: "buyer@example.com",
        line_item_id: "ordli_01",
        variant_id: "variant_01",
        sku: "VIP-30D",
        title: "VIP rank (30 days)",
        quantity: 1,
        metadata: { player: "Steve" },
      },
      timestamp: expect.any(String),
    })
    expect(Math.floor(Date.parse(d.payload.timestamp) / 1000)).toBe(Number(d.timestamp))
    // The signature is exactly what the package computes for these bytes.
    expect(new Webhook(WEBHOOK_FAKE_SECRET).sign(d.id, new Date(Number(d.timestamp) * 1000), d.raw_body)).toBe(
      d.signature
    )

    // Summaries never carry the secret or the full signature.
    const summary = JSON.stringify(result)
    expect(summary).not.toContain(WEBHOOK_FAKE_SECRET.slice(6))
    expect(summary).not.toContain(d.signature.slice(3))
    expect(result.request).toMatchObject({
      method: "POST",
      url: settings.url,
      headers: { "webhook-id": "ddel_01:deliver", "webhook-signature": expect.stringMatching(/^v1,.{6}…$/) },
    })
    expect(result.response).toMatchObject({ status: 204 })
  })

  it("uses the same webhook-id on every attempt: 500 → retry, then 204 → delivered", async () => {
    receiver.respond_status = 500
    const first = await method.deliver(settings, context({ attempt: 1 }))
    expect(first.outcome).toBe("retry")
    expect(first.response).toMatchObject({ status: 500 })

    receiver.respond_status = null
    const second = await method.deliver(settings, context({ attempt: 2 }))
    expect(second.outcome).toBe("delivered")

    expect(receiver.received.map((r) => r.id)).toEqual(["ddel_01:deliver", "ddel_01:deliver"])
    expect(receiver.received.map((r) => r.answered)).toEqual([500, 204])
    expect(receiver.uniqueIds()).toEqual(["ddel_01:deliver"])
  })

  it.each([
    [408, "retry"],
    [429, "retry"],
    [502, "retry"],
    [503, "retry"],
    [400, "failed"],
    [404, "failed"],
    [410, "failed"],
    [302, "failed"],
    [200, "delivered"],
    [202, "delivered"],
  ] as const)("answer %i → %s", async (status, outcome) => {
    receiver.respond_status = status
    const result = await method.deliver(settings, context())
    expect(result.outcome).toBe(outcome)
    expect(result.response).toMatchObject({ status })
    expect(receiver.received).toHaveLength(1)
  })

  it.each([
    ["seconds", "120", 120_000],
    ["an HTTP date", () => new Date(Date.now() + 90_000).toUTCString(), 90_000],
  ] as const)("a 429 or 503 with Retry-After in %s asks the schedule to wait that long", async (_, header, ms) => {
    for (const status of [429, 503]) {
      receiver.respond_status = status
      receiver.respond_headers = { "retry-after": typeof header === "function" ? header() : header }
      const result = await method.deliver(settings, context())
      expect(result.outcome).toBe("retry")
      // An HTTP date has one-second resolution.
      expect(result.retry_after_ms).toBeGreaterThan(ms - 2000)
      expect(result.retry_after_ms).toBeLessThanOrEqual(ms)
    }
    receiver.respond_headers = {}
    receiver.respond_status = 500
    expect((await method.deliver(settings, context())).retry_after_ms).toBeNull()
  })

  it("a receiver that never answers → retry within timeout_ms", async () => {
    receiver.hang = true
    const quick = new WebhookDeliveryMethod({ allow_private_targets: true, timeout_ms: 300 })
    const started = Date.now()
    const result = await quick.deliver(settings, context())
    const elapsed = Date.now() - started

    expect(result.outcome).toBe("retry")
    expect(result.message).toContain("did not answer within 300 ms")
    expect(elapsed).toBeGreaterThanOrEqual(250)
    expect(elapsed).toBeLessThan(1_500)
    expect(receiver.received).toHaveLength(1)
    expect(receiver.deliveries).toHaveLength(0)
  })

  it("an offline receiver → retry", async () => {
    await receiver.goOffline()
    const result = await method.deliver(settings, context())
    expect(result.outcome).toBe("retry")
    expect(result.message).toContain("ECONNREFUSED")
  })

  it("a wrong secret is rejected by the receiver (400) → failed", async () => {
    const other = `whsec_${Buffer.from("another-secret-another-secret-32").toString("base64")}`
    const result = await method.deliver({ ...settings, secret: other }, context())
    expect(result.outcome).toBe("failed")
    expect(receiver.rejected).toHaveLength(1)
    expect(receiver.rejected[0].reason).toContain("No matching signature")
    expect(receiver.deliveries).toHaveLength(0)
  })

  it("a secret that is not base64 → failed without sending", async () => {
    const result = await method.deliver({ ...settings, secret: "whsec_" }, context())
    expect(result.outcome).toBe("failed")
    expect(result.message).toContain("not a valid Standard Webhooks secret")
    expect(receiver.received).toHaveLength(0)
    expect(receiver.rejected).toHaveLength(0)
  })

  it("a URL that is not http(s) → failed without sending", async () => {
    const result = await method.deliver({ ...settings, url: "ftp://127.0.0.1/hook" }, context())
    expect(result.outcome).toBe("failed")
    expect(result.message).toContain("http:// or https://")
  })

  it("revoke posts order_ops.delivery.revoked with id <key>:revoke", async () => {
    const result = await method.revoke(settings, context())
    expect(result.outcome).toBe("delivered")
    expect(receiver.deliveries).toHaveLength(1)
    expect(receiver.deliveries[0].id).toBe("ddel_01:deliver:revoke")
    expect(receiver.deliveries[0].payload).toMatchObject({
      type: "order_ops.delivery.revoked",
      data: { delivery_id: "ddel_01", order_id: "order_01" },
    })
  })

  it("refuses a private URL unless allowed, sending nothing", async () => {
    const strict = new WebhookDeliveryMethod({ allow_private_targets: false, timeout_ms: 2_000 })
    const result = await strict.deliver(settings, context())
    expect(result.outcome).toBe("failed")
    expect(result.message).toContain('"127.0.0.1"')
    expect(result.message).toContain("loopback")
    expect(receiver.received).toHaveLength(0)
  })

  it("describe shows the request with the secret masked", () => {
    const summary = method.describe(settings, context())
    expect(summary).toMatchObject({
      method: "POST",
      url: settings.url,
      secret: maskSecret(WEBHOOK_FAKE_SECRET),
      headers: { "webhook-id": "ddel_01:deliver" },
      body: { type: "order_ops.delivery.requested", data: { delivery_id: "ddel_01" } },
    })
    expect(JSON.stringify(summary)).not.toContain(WEBHOOK_FAKE_SECRET.slice(6))
  })
})
