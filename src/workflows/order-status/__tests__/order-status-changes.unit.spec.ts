import { orderStatusChanges } from "../utils/order-status-changes"

const computed_at = new Date("2041-05-01T12:00:00.000Z")
const written = (order_id: string, fulfillment_status: string, payment_status: string) =>
  ({ order_id, fulfillment_status, payment_status, computed_at }) as Parameters<typeof orderStatusChanges>[0][number]
const old = (order_id: string, fulfillment_status: string, payment_status: string) => ({
  order_id,
  fulfillment_status,
  payment_status,
  computed_at: "2041-05-01T11:00:00.000000+00:00",
})

describe("orderStatusChanges", () => {
  it("reports a payment change with both pairs", () => {
    expect(orderStatusChanges([written("o1", "unfulfilled", "paid")], [old("o1", "unfulfilled", "in_progress")])).toEqual([
      {
        id: "o1",
        computed_at: "2041-05-01T12:00:00.000Z",
        fulfillment_status: "unfulfilled",
        previous_fulfillment_status: "unfulfilled",
        payment_status: "paid",
        previous_payment_status: "in_progress",
      },
    ])
  })

  it("reports a fulfillment change", () => {
    const [change] = orderStatusChanges([written("o1", "delivered", "paid")], [old("o1", "fulfilled", "paid")])
    expect(change).toMatchObject({ previous_fulfillment_status: "fulfilled", fulfillment_status: "delivered", payment_status: "paid", previous_payment_status: "paid" })
  })

  it("reports nothing when neither status changed, for a first row, or for an order whose write was skipped", () => {
    expect(orderStatusChanges([written("o1", "fulfilled", "paid")], [old("o1", "fulfilled", "paid")])).toEqual([])
    expect(orderStatusChanges([written("o2", "fulfilled", "paid")], [])).toEqual([])
    expect(orderStatusChanges([written("o1", "fulfilled", "paid"), written("o3", "delivered", "paid")], [old("o3", "fulfilled", "paid")]).map((c) => c.id)).toEqual(["o3"])
  })
})
