import { summarizeOrderCase } from "../utils/order-case-summary"

const dispute = (status: string, amount: number, due: string | null, opened = "2041-03-01T00:00:00Z") => ({
  status,
  amount,
  evidence_due_by: due,
  opened_at: opened,
})

describe("summarizeOrderCase", () => {
  it("an order with nothing has empty columns and nothing disputed", () => {
    expect(summarizeOrderCase({ disputes: [] })).toEqual({
      hold_reason: null,
      held_since: null,
      order_label_id: null,
      order_label_name: null,
      order_label_color: null,
      dispute_status: null,
      dispute_due_at: null,
      disputed_amount: 0,
    })
  })

  it("keeps the hold and label", () => {
    const summary = summarizeOrderCase({
      hold: { reason: "high_risk", placed_at: "2041-01-02T03:04:05Z" },
      label: { id: "olbl_1", name: "Waiting for stock", color: "orange" },
      disputes: [],
    })
    expect(summary).toMatchObject({
      hold_reason: "high_risk",
      held_since: new Date("2041-01-02T03:04:05Z"),
      order_label_id: "olbl_1",
      order_label_name: "Waiting for stock",
    })
  })

  it("shows the open dispute with the nearest due date, and sums only lost and accepted amounts", () => {
    const summary = summarizeOrderCase({
      disputes: [
        dispute("lost", 30, null, "2041-01-01T00:00:00Z"),
        dispute("under_review", 50, "2041-04-20T00:00:00Z"),
        dispute("needs_response", 20, "2041-04-10T00:00:00Z"),
        dispute("won", 99, null),
        dispute("accepted", 5, null),
      ],
    })
    expect(summary.dispute_status).toBe("needs_response")
    expect(summary.dispute_due_at).toEqual(new Date("2041-04-10T00:00:00Z"))
    expect(summary.disputed_amount).toBe(35)
  })

  it("with only closed disputes shows the latest and no due date", () => {
    const summary = summarizeOrderCase({
      disputes: [dispute("won", 10, null, "2041-01-01T00:00:00Z"), dispute("lost", 10, null, "2041-02-01T00:00:00Z")],
    })
    expect(summary).toMatchObject({ dispute_status: "lost", dispute_due_at: null, disputed_amount: 10 })
  })
})
