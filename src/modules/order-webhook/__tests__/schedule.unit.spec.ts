import {
  deliveryTransitionError,
  endpointUrlProblem,
  failedTooLong,
  judgeAnswer,
  nextAttemptAt,
  parseRetryAfterHeader,
  WEBHOOK_DELIVERY_TRANSITIONS,
  type WebhookDeliveryStatus,
} from "../schedule"
import { signatureHeaders } from "../sender"
import { Webhook } from "standardwebhooks"

const NOW = new Date("2041-06-01T12:00:00.000Z")
const SCHEDULE = [0, 5, 300, 1800, 7200, 18000, 36000, 36000]

describe("webhook delivery transitions", () => {
  const statuses = Object.keys(WEBHOOK_DELIVERY_TRANSITIONS) as WebhookDeliveryStatus[]
  const allowed: [WebhookDeliveryStatus, WebhookDeliveryStatus][] = [
    ["pending", "succeeded"],
    ["pending", "failed"],
    ["succeeded", "pending"],
    ["failed", "pending"],
  ]
  for (const from of statuses) {
    for (const to of statuses) {
      const ok = allowed.some(([f, t]) => f === from && t === to)
      it(`${from} → ${to} is ${ok ? "allowed" : "refused"}`, () => {
        expect(deliveryTransitionError(from, to)).toBe(ok ? null : `A ${from} delivery cannot become ${to}`)
      })
    }
  }
})

describe("judgeAnswer", () => {
  it("2xx succeeds, 410 disables, anything else retries", () => {
    expect(judgeAnswer(200, null, NOW)).toEqual({ kind: "succeeded" })
    expect(judgeAnswer(204, null, NOW)).toEqual({ kind: "succeeded" })
    expect(judgeAnswer(410, null, NOW)).toEqual({ kind: "disable_endpoint" })
    expect(judgeAnswer(500, null, NOW)).toEqual({ kind: "retry", retry_after_ms: null })
    expect(judgeAnswer(301, null, NOW)).toEqual({ kind: "retry", retry_after_ms: null })
    expect(judgeAnswer(null, null, NOW)).toEqual({ kind: "retry", retry_after_ms: null })
  })
  it("reads Retry-After on 429 and 503 only", () => {
    expect(judgeAnswer(429, "30", NOW)).toEqual({ kind: "retry", retry_after_ms: 30_000 })
    expect(judgeAnswer(503, new Date(NOW.getTime() + 60_000).toUTCString(), NOW)).toEqual({ kind: "retry", retry_after_ms: 60_000 })
    expect(judgeAnswer(500, "30", NOW)).toEqual({ kind: "retry", retry_after_ms: null })
  })
  it("ignores unreadable or past Retry-After and caps it at a day", () => {
    expect(parseRetryAfterHeader("soon", NOW)).toBeNull()
    expect(parseRetryAfterHeader("0", NOW)).toBeNull()
    expect(parseRetryAfterHeader(String(10 * 24 * 3600), NOW)).toBe(24 * 3600 * 1000)
  })
})

describe("nextAttemptAt", () => {
  it("follows the schedule after each failed attempt and stops after the last", () => {
    const waits = [1, 2, 3, 4, 5, 6, 7].map((n) => (nextAttemptAt(n, NOW, SCHEDULE)!.getTime() - NOW.getTime()) / 1000)
    expect(waits).toEqual([5, 300, 1800, 7200, 18000, 36000, 36000])
    expect(nextAttemptAt(8, NOW, SCHEDULE)).toBeNull()
  })
  it("lets a longer Retry-After win and a shorter one lose", () => {
    expect(nextAttemptAt(1, NOW, SCHEDULE, 60_000)).toEqual(new Date(NOW.getTime() + 60_000))
    expect(nextAttemptAt(2, NOW, SCHEDULE, 60_000)).toEqual(new Date(NOW.getTime() + 300_000))
  })
})

describe("failedTooLong", () => {
  it("is true from exactly the given number of days of failing", () => {
    const since = new Date(NOW.getTime() - 5 * 24 * 3600 * 1000)
    expect(failedTooLong(since, NOW, 5)).toBe(true)
    expect(failedTooLong(new Date(since.getTime() + 1), NOW, 5)).toBe(false)
    expect(failedTooLong(null, NOW, 5)).toBe(false)
  })
})

describe("endpointUrlProblem", () => {
  it("wants https unless private targets are allowed, and no credentials", () => {
    expect(endpointUrlProblem("https://pos.example.com/hooks", false)).toBeNull()
    expect(endpointUrlProblem("http://pos.example.com/hooks", false)).toBe("url must use https")
    expect(endpointUrlProblem("http://127.0.0.1:9000/hooks", true)).toBeNull()
    expect(endpointUrlProblem("ftp://example.com", true)).toBe("url must use https")
    expect(endpointUrlProblem("https://user:pw@example.com", false)).toBe("url must not contain credentials")
    expect(endpointUrlProblem("not a url", true)).toBe("url must be an absolute URL")
  })
})

describe("signatureHeaders", () => {
  const a = `whsec_${Buffer.from("a".repeat(32)).toString("base64")}`
  const b = `whsec_${Buffer.from("b".repeat(32)).toString("base64")}`
  it("signs with every live secret so either key verifies, and a tampered body fails", () => {
    const body = JSON.stringify({ type: "order.placed", data: { display_id: 1 } })
    const headers = signatureHeaders({ msg_id: "msg_1", body, secrets: [a, b], signed_at: new Date() })
    expect(headers["webhook-signature"].split(" ")).toHaveLength(2)
    expect(new Webhook(a).verify(body, headers)).toBeTruthy()
    expect(new Webhook(b).verify(body, headers)).toBeTruthy()
    expect(() => new Webhook(a).verify(body.replace("1", "2"), headers)).toThrow()
  })
})
