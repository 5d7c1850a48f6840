import {
  buildOrderStatusListFilters,
  escapeLike,
  orderStatusListOrder,
} from "../utils/order-status-list-query"

describe("buildOrderStatusListFilters", () => {
  it("is empty without parameters (every order)", () => {
    expect(buildOrderStatusListFilters({})).toEqual({})
  })

  it("turns statuses into IN lists and keeps the test flag, false included", () => {
    expect(
      buildOrderStatusListFilters({
        fulfillment_status: ["delivered", "picked_up"],
        payment_status: ["paid"],
        is_test: false,
      })
    ).toEqual({ fulfillment_status: ["delivered", "picked_up"], payment_status: ["paid"], is_test: false })
  })

  it("filters by digital delivery status", () => {
    expect(buildOrderStatusListFilters({ delivery_status: ["failed", "outcome_unknown"] })).toEqual({
      delivery_status: ["failed", "outcome_unknown"],
    })
    expect(buildOrderStatusListFilters({ delivery_status: [] })).toEqual({})
  })

  it("bounds the placement date on either side", () => {
    const from = new Date("2026-01-01T00:00:00.000Z")
    const to = new Date("2026-01-31T23:59:59.999Z")
    expect(buildOrderStatusListFilters({ created_at_gte: from })).toEqual({ order_created_at: { $gte: from } })
    expect(buildOrderStatusListFilters({ created_at_gte: from, created_at_lte: to })).toEqual({
      order_created_at: { $gte: from, $lte: to },
    })
  })

  it.each([
    ["123", 123],
    ["#123", 123],
  ])("searches %s as the display id, or inside email and name", (q, displayId) => {
    expect(buildOrderStatusListFilters({ q })).toEqual({
      $or: [
        { display_id: displayId },
        { email: { $ilike: `%${q}%` } },
        { customer_name: { $ilike: `%${q}%` } },
      ],
    })
  })

  it("searches words only in email and name, trimmed, with LIKE wildcards taken literally", () => {
    expect(buildOrderStatusListFilters({ q: "  50%_off " })).toEqual({
      $or: [{ email: { $ilike: "%50\\%\\_off%" } }, { customer_name: { $ilike: "%50\\%\\_off%" } }],
    })
    expect(buildOrderStatusListFilters({ q: "   " })).toEqual({})
  })

  it("does not treat a number too long for a display id as one", () => {
    expect(buildOrderStatusListFilters({ q: "12345678901" }).$or).toHaveLength(2)
  })
})

describe("escapeLike", () => {
  it("escapes the backslash, percent and underscore", () => {
    expect(escapeLike("a\\b%c_d")).toBe("a\\\\b\\%c\\_d")
  })
})

describe("orderStatusListOrder", () => {
  it.each([
    [undefined, { order_created_at: "DESC", id: "DESC" }],
    ["-created_at", { order_created_at: "DESC", id: "DESC" }],
    ["created_at", { order_created_at: "ASC", id: "ASC" }],
    ["total", { total: "ASC", id: "ASC" }],
    ["-total", { total: "DESC", id: "DESC" }],
  ] as const)("sorts %s by %j with the id as tie-breaker", (order, expected) => {
    expect(orderStatusListOrder(order)).toEqual(expected)
  })
})
