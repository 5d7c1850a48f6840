import { buildCoreHistory, type CoreOrderHistorySource } from "../utils/core-history"

const order: CoreOrderHistorySource = {
  id: "order_1",
  display_id: 7,
  email: "ada@example.com",
  customer_id: "cus_1",
  currency_code: "eur",
  created_at: "2026-01-01T10:00:00.000Z",
  canceled_at: null,
  payment_collections: [
    {
      payments: [
        {
          id: "pay_1",
          amount: { numeric: 50 },
          provider_id: "pp_system_default",
          created_at: "2026-01-01T10:00:01.000Z",
          canceled_at: null,
          captures: [{ id: "capt_1", amount: "50", created_at: "2026-01-01T11:00:00.000Z", created_by: "user_1" }],
          refunds: [
            {
              id: "ref_1",
              amount: 20,
              note: "damaged",
              created_at: "2026-01-03T09:00:00.000Z",
              created_by: "user_2",
              refund_reason: { label: "Damaged item" },
            },
          ],
        },
      ],
    },
  ],
  fulfillments: [
    {
      id: "ful_1",
      created_at: "2026-01-02T08:00:00.000Z",
      packed_at: "2026-01-02T08:00:00.000Z",
      shipped_at: "2026-01-02T12:00:00.000Z",
      delivered_at: null,
      canceled_at: null,
      created_by: "user_1",
      items: [{ quantity: 2 }, { quantity: 1 }],
      labels: [{ tracking_number: "1Z999", tracking_url: "https://t/1Z999" }, { tracking_number: "", tracking_url: "" }],
    },
  ],
  returns: [
    {
      id: "ret_1",
      display_id: 1,
      created_at: "2026-01-04T08:00:00.000Z",
      requested_at: null,
      received_at: "2026-01-05T08:00:00.000Z",
      canceled_at: null,
      items: [{ quantity: 1, received_quantity: 1 }],
    },
  ],
}

describe("buildCoreHistory", () => {
  const entries = buildCoreHistory(order, [
    { id: "ordch_1", change_type: "edit", created_at: "2026-01-02T01:00:00.000Z", confirmed_at: "2026-01-02T02:00:00.000Z", confirmed_by: "user_3" },
    { id: "ordch_2", change_type: "return_request", confirmed_at: "2026-01-04T08:00:00.000Z" },
    { id: "ordch_3", change_type: "transfer", created_at: "2026-01-06T00:00:00.000Z", requested_by: "user_1", declined_at: "2026-01-06T05:00:00.000Z", declined_reason: "wrong customer" },
  ])
  const byId = new Map(entries.map((e) => [e.id, e]))

  it("writes one entry per thing that happened, with stable ids", () => {
    expect(entries.map((e) => e.id).sort()).toEqual(
      [
        "order.placed:order_1",
        "payment.authorized:pay_1",
        "payment.captured:capt_1",
        "payment.refunded:ref_1",
        "fulfillment.created:ful_1",
        "fulfillment.packed:ful_1",
        "fulfillment.shipped:ful_1",
        "return.requested:ret_1",
        "return.received:ret_1",
        "order.edited:ordch_1",
        "order.transfer_requested:ordch_3",
        "order.transferred.declined:ordch_3",
      ].sort()
    )
  })

  it("attributes the placed order to its customer and staff actions to the user", () => {
    expect(byId.get("order.placed:order_1")!.actor).toEqual({ type: "customer", id: "cus_1" })
    expect(byId.get("payment.captured:capt_1")!.actor).toEqual({ type: "user", id: "user_1" })
    expect(byId.get("order.edited:ordch_1")!.actor).toEqual({ type: "user", id: "user_3" })
    expect(byId.get("fulfillment.shipped:ful_1")!.actor).toEqual({ type: "system", id: null })
  })

  it("normalises Medusa's big numbers and keeps the details", () => {
    expect(byId.get("payment.authorized:pay_1")!.data).toMatchObject({ amount: 50, currency_code: "eur" })
    expect(byId.get("payment.captured:capt_1")!.data).toMatchObject({ amount: 50 })
    expect(byId.get("payment.refunded:ref_1")!.data).toMatchObject({ amount: 20, reason: "Damaged item", note: "damaged" })
    expect(byId.get("fulfillment.shipped:ful_1")!.data).toEqual({
      item_count: 3,
      tracking: [{ number: "1Z999", url: "https://t/1Z999" }],
    })
    expect(byId.get("return.received:ret_1")!.data).toMatchObject({ received_count: 1, item_count: 1 })
    expect(byId.get("order.transferred.declined:ordch_3")!.data).toMatchObject({ reason: "wrong customer" })
  })

  it("uses created_at for a return that has no requested_at", () => {
    expect(byId.get("return.requested:ret_1")!.occurred_at).toBe("2026-01-04T08:00:00.000Z")
  })

  it("skips change types already shown through returns", () => {
    expect(entries.some((e) => e.resource?.id === "ordch_2")).toBe(false)
  })

  it("records cancellations of the order and of payments", () => {
    const canceled = buildCoreHistory({
      ...order,
      canceled_at: new Date("2026-02-01T00:00:00.000Z"),
      payment_collections: [{ payments: [{ id: "pay_2", created_at: "2026-01-01T00:00:00.000Z", canceled_at: "2026-02-01T00:00:00.000Z" }] }],
      fulfillments: [],
      returns: [],
    })
    expect(canceled.map((e) => e.kind).sort()).toEqual(
      ["order.canceled", "order.placed", "payment.authorized", "payment.canceled"].sort()
    )
  })

  it("ignores missing and invalid dates rather than inventing them", () => {
    const sparse = buildCoreHistory({ id: "o", created_at: "not a date", fulfillments: [{ id: "f" }] })
    expect(sparse).toEqual([])
  })
})
