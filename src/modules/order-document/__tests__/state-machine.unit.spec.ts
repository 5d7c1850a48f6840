import { MedusaError } from "@medusajs/framework/utils"
import {
  assertTransition,
  canTransition,
  DOCUMENT_JOB_STATUSES,
  DOCUMENT_JOB_TRANSITIONS,
  type DocumentJobStatusValue,
} from "../state-machine"

/** Every legal move, written out once more by hand: the table must say exactly this. */
const LEGAL: [DocumentJobStatusValue, DocumentJobStatusValue][] = [
  ["pending", "running"],
  ["pending", "canceled"],
  ["running", "running"],
  ["running", "completed"],
  ["running", "failed"],
  ["running", "canceled"],
]

describe("document job transitions", () => {
  for (const from of DOCUMENT_JOB_STATUSES) {
    for (const to of DOCUMENT_JOB_STATUSES) {
      const legal = LEGAL.some(([f, t]) => f === from && t === to)
      it(`${from} → ${to} is ${legal ? "allowed" : "refused"}`, () => {
        expect(canTransition(from, to)).toBe(legal)
        if (legal) {
          expect(() => assertTransition(from, to)).not.toThrow()
        } else {
          let error: unknown
          try {
            assertTransition(from, to)
          } catch (e) {
            error = e
          }
          expect(error).toBeInstanceOf(MedusaError)
          expect((error as MedusaError).type).toBe(MedusaError.Types.NOT_ALLOWED)
          expect((error as MedusaError).message).toBe(`A ${from} job cannot become ${to}`)
        }
      })
    }
  }

  it("completed, failed and canceled are final", () => {
    expect(DOCUMENT_JOB_TRANSITIONS.completed).toEqual([])
    expect(DOCUMENT_JOB_TRANSITIONS.failed).toEqual([])
    expect(DOCUMENT_JOB_TRANSITIONS.canceled).toEqual([])
  })
})
