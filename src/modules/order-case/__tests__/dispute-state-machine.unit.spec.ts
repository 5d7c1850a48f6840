import { MedusaError } from "@medusajs/framework/utils"
import {
  assertDisputeTransition,
  canTransitionDispute,
  DISPUTE_STATUSES,
  type DisputeStatus,
} from "../dispute-state-machine"

/**
 * The expected table, written out independently of the implementation.
 *                 needs  review won lost accepted
 */
const EXPECTED: Record<DisputeStatus, string> = {
  needs_response: ". x x x x",
  under_review: "x . x x x",
  won: ". . . . .",
  lost: ". . . . .",
  accepted: ". . . . .",
}

describe("dispute transitions", () => {
  const pairs = DISPUTE_STATUSES.flatMap((from) =>
    DISPUTE_STATUSES.map((to, i) => [from, to, EXPECTED[from].split(" ")[i] === "x"] as const)
  )
  it.each(pairs)("%s → %s allowed: %s", (from, to, allowed) => {
    expect(canTransitionDispute(from, to)).toBe(allowed)
    if (allowed) {
      expect(() => assertDisputeTransition(from, to)).not.toThrow()
    } else {
      expect(() => assertDisputeTransition(from, to)).toThrow(MedusaError)
    }
  })

  it("names the move it refuses", () => {
    expect(() => assertDisputeTransition("won", "lost")).toThrow("status: cannot go from Won to Lost")
  })
})
