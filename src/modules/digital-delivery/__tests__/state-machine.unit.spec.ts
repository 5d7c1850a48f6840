import { parseRetryAfter, MAX_RETRY_AFTER_MS } from "../methods/shared"
import { assertDeliveryTransition, canMoveDelivery, DEFAULT_RETRY_MINUTES, DELIVERY_TRANSITIONS, nextDeliveryState } from "../state-machine"
import { DELIVERY_STATUSES } from "../methods/types"

const now = new Date("2041-11-29T12:00:00Z")
const minutes = (d: Date | null) => (d ? (d.getTime() - now.getTime()) / 60_000 : null)

describe("nextDeliveryState", () => {
  it.each([
    ["delivered", "delivered", false],
    ["dry_run", "delivered", false],
    ["failed", "failed", false],
    ["unknown", "failed", true],
  ] as const)("%s → %s, nothing scheduled", (outcome, status, unknown) => {
    expect(nextDeliveryState(outcome, 1, DEFAULT_RETRY_MINUTES, now)).toEqual({
      status,
      next_attempt_at: null,
      outcome_unknown: unknown,
    })
  })

  it("walks the retry schedule, then gives up", () => {
    const waits = DEFAULT_RETRY_MINUTES.map((_, i) => minutes(nextDeliveryState("retry", i + 1, DEFAULT_RETRY_MINUTES, now).next_attempt_at))
    expect(waits).toEqual([1, 5, 30, 120, 360])
    expect(nextDeliveryState("retry", DEFAULT_RETRY_MINUTES.length + 1, DEFAULT_RETRY_MINUTES, now)).toEqual({
      status: "failed",
      next_attempt_at: null,
      outcome_unknown: false,
    })
    expect(nextDeliveryState("awaiting_recipient", 2, DEFAULT_RETRY_MINUTES, now)).toMatchObject({ status: "awaiting_recipient" })
  })

  it("waits for a service's Retry-After when it is longer than the schedule's step, never shorter", () => {
    expect(minutes(nextDeliveryState("retry", 1, DEFAULT_RETRY_MINUTES, now, 10 * 60_000).next_attempt_at)).toBe(10)
    expect(minutes(nextDeliveryState("retry", 1, DEFAULT_RETRY_MINUTES, now, 1500).next_attempt_at)).toBe(1)
    expect(minutes(nextDeliveryState("retry", 3, DEFAULT_RETRY_MINUTES, now, null).next_attempt_at)).toBe(30)
    // A Retry-After never keeps a delivery alive past the schedule's last step.
    expect(nextDeliveryState("retry", 6, DEFAULT_RETRY_MINUTES, now, 60_000).status).toBe("failed")
  })

  it("allows only the documented moves", () => {
    expect(canMoveDelivery("pending", "delivered")).toBe(true)
    expect(canMoveDelivery("failed", "pending")).toBe(true)
    expect(canMoveDelivery("delivered", "pending")).toBe(false)
    expect(canMoveDelivery("revoked", "delivered")).toBe(false)
  })
})

describe("parseRetryAfter", () => {
  const at = now.getTime()
  it.each([
    ["120", 120_000],
    [" 2 ", 2000],
    [1.5, 1500],
    ["0.25", 250],
    [new Date(at + 45_000).toUTCString(), 45_000],
  ] as const)("%p → %p ms", (value, ms) => {
    expect(parseRetryAfter(value, at)).toBe(ms)
  })

  it.each([null, undefined, "", "soon", "-5", 0, -3, new Date(at - 60_000).toUTCString()])("%p → null", (value) => {
    expect(parseRetryAfter(value as never, at)).toBeNull()
  })

  it("caps an absurd wait at a day", () => {
    expect(parseRetryAfter(String(30 * 24 * 3600), at)).toBe(MAX_RETRY_AFTER_MS)
  })
})

describe("assertDeliveryTransition", () => {
  const pairs = DELIVERY_STATUSES.flatMap((from) => DELIVERY_STATUSES.map((to) => [from, to] as const))
  it.each(pairs)("%s → %s follows DELIVERY_TRANSITIONS", (from, to) => {
    const allowed = from === to || DELIVERY_TRANSITIONS[from].includes(to)
    if (allowed) {
      expect(() => assertDeliveryTransition(from, to)).not.toThrow()
    } else {
      expect(() => assertDeliveryTransition(from, to)).toThrow(/^status: a delivery cannot go from /)
    }
  })

  it("refuses taking a revoked delivery back to delivered, naming both statuses", () => {
    expect(() => assertDeliveryTransition("revoked", "delivered")).toThrow("status: a delivery cannot go from Revoked to Delivered")
  })
})
