import { MedusaError } from "@medusajs/framework/utils"
import { noteExcerpt, normalizeNoteBody, throwIfNoteNotOnOrder } from "../utils/validate-note"

describe("normalizeNoteBody", () => {
  it("trims surrounding whitespace", () => {
    expect(normalizeNoteBody("  gift wrap please \n")).toBe("gift wrap please")
  })

  it.each(["", "   ", "\n\t "])("refuses an empty body %j", (body) => {
    expect(() => normalizeNoteBody(body)).toThrow(/body: a note cannot be empty/)
  })

  it("accepts exactly the maximum and refuses one more", () => {
    expect(normalizeNoteBody("x".repeat(5000))).toHaveLength(5000)
    expect(() => normalizeNoteBody("x".repeat(5001))).toThrow(/at most 5000 characters \(got 5001\)/)
  })

  it("counts length after trimming", () => {
    expect(normalizeNoteBody(`  ${"y".repeat(10)}  `, 10)).toBe("y".repeat(10))
  })

  it("honours a smaller configured maximum", () => {
    expect(() => normalizeNoteBody("abcdef", 5)).toThrow(/at most 5 characters/)
  })
})

describe("throwIfNoteNotOnOrder", () => {
  it("passes for a note on the order", () => {
    expect(() => throwIfNoteNotOnOrder({ id: "n1", order_id: "o1" }, "o1", "n1")).not.toThrow()
  })

  it.each([
    ["missing", undefined],
    ["on another order", { id: "n1", order_id: "o2" }],
  ])("is NOT_FOUND when the note is %s", (_label, note) => {
    try {
      throwIfNoteNotOnOrder(note, "o1", "n1")
      throw new Error("expected a throw")
    } catch (e) {
      expect((e as MedusaError).type).toBe(MedusaError.Types.NOT_FOUND)
      expect((e as Error).message).toContain("n1")
    }
  })
})

describe("noteExcerpt", () => {
  it("keeps short text whole and shortens long text with an ellipsis", () => {
    expect(noteExcerpt("short")).toBe("short")
    const long = noteExcerpt("z".repeat(500), 10)
    expect(long).toHaveLength(10)
    expect(long.endsWith("…")).toBe(true)
  })
})
