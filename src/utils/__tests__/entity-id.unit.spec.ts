import { decodeTime } from "ulid"
import { newEntityId } from "../entity-id"

const CROCKFORD = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"

describe("newEntityId", () => {
  it("makes Medusa-style ids: the prefix, an underscore and a 26-character ULID stamped with the current time", () => {
    const before = Date.now()
    const id = newEntityId("whatt")
    const after = Date.now()
    expect(id).toMatch(/^whatt_[0-9A-HJKMNP-TV-Z]{26}$/)
    const stamped = decodeTime(id.slice("whatt_".length))
    expect(stamped).toBeGreaterThanOrEqual(before)
    expect(stamped).toBeLessThanOrEqual(after)
  })

  it("never repeats, across many refills of its random pool", () => {
    // 4 KiB of random bytes last 256 ids; 20,000 ids refill the pool 78 times.
    const ids = Array.from({ length: 20_000 }, () => newEntityId("msg"))
    expect(new Set(ids).size).toBe(ids.length)
  })

  it("draws every character of ULID's alphabet for the random part, about equally often", () => {
    const counts = new Map<string, number>()
    for (let i = 0; i < 4_000; i++) {
      for (const ch of newEntityId("x").slice(2 + 10)) {
        counts.set(ch, (counts.get(ch) ?? 0) + 1)
      }
    }
    expect([...counts.keys()].sort().join("")).toBe(CROCKFORD)
    // 64,000 draws over 32 characters: 2,000 each expected; ±15 % is over 6 standard deviations.
    for (const n of counts.values()) {
      expect(n).toBeGreaterThan(1_700)
      expect(n).toBeLessThan(2_300)
    }
  })
})
