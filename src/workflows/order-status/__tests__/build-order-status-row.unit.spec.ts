import { buildOrderStatusRow, type OrderStatusSource, shippingOptionType } from "../utils/build-order-status-row"

const NOW = new Date("2041-02-01T12:00:00.000Z")

const detail = (q: number, d: Partial<Record<string, number>> = {}) => ({
  quantity: q,
  detail: {
    fulfilled_quantity: 0,
    shipped_quantity: 0,
    delivered_quantity: 0,
    return_received_quantity: 0,
    return_dismissed_quantity: 0,
    ...d,
  },
})

const base: OrderStatusSource = {
  id: "order_1",
  display_id: 7,
  email: "ada@example.com",
  customer_id: "cus_1",
  currency_code: "eur",
  total: "82.8",
  status: "pending",
  canceled_at: null,
  created_at: "2041-01-05T10:00:00.000Z",
  customer: { first_name: "Ada", last_name: "Lovelace" },
  billing_address: { first_name: "Billing", last_name: "Name" },
  items: [detail(2), detail(1)],
  fulfillments: [],
  payment_collections: [
    { status: "authorized", amount: 82.8, authorized_amount: 82.8, captured_amount: 0, refunded_amount: 0 },
  ],
}

describe("buildOrderStatusRow", () => {
  it("maps a placed, authorized order", () => {
    expect(buildOrderStatusRow(base, [], NOW)).toEqual({
      order_id: "order_1",
      display_id: 7,
      email: "ada@example.com",
      customer_id: "cus_1",
      customer_name: "Ada Lovelace",
      currency_code: "eur",
      total: 82.8,
      fulfillment_status: "unfulfilled",
      payment_status: "in_progress",
      item_count: 3,
      shipment_count: 0,
      shipment_statuses: [],
      order_created_at: new Date("2041-01-05T10:00:00.000Z"),
      canceled_at: null,
      computed_at: NOW,
    })
  })

  it("never sets is_test, so a recompute keeps the flag", () => {
    expect(buildOrderStatusRow(base, [], NOW)).not.toHaveProperty("is_test")
  })

  it("writes is_test when the test_order flag is given", () => {
    expect(buildOrderStatusRow(base, [], NOW, true)).toMatchObject({ is_test: true })
    expect(buildOrderStatusRow(base, [], NOW, false)).toMatchObject({ is_test: false })
  })

  it("names the customer from the billing, then the shipping address, when the customer has no name", () => {
    expect(buildOrderStatusRow({ ...base, customer: { first_name: null, last_name: " " } }, [], NOW).customer_name).toBe(
      "Billing Name"
    )
    expect(
      buildOrderStatusRow(
        { ...base, customer: null, billing_address: null, shipping_address: { first_name: "Ship" } },
        [],
        NOW
      ).customer_name
    ).toBe("Ship")
    expect(
      buildOrderStatusRow({ ...base, customer: null, billing_address: null, shipping_address: null }, [], NOW)
        .customer_name
    ).toBeNull()
  })

  it("recognises a pickup fulfillment by its fulfillment set type", () => {
    const row = buildOrderStatusRow(
      {
        ...base,
        items: [detail(1, { fulfilled_quantity: 1, delivered_quantity: 1 })],
        fulfillments: [
          {
            delivered_at: "2041-01-06T00:00:00.000Z",
            shipping_option: { service_zone: { fulfillment_set: { type: "pickup" } } },
          },
        ],
      },
      [],
      NOW
    )
    expect(row.fulfillment_status).toBe("picked_up")
  })

  it("treats a canceled status as canceled and keeps the cancel time", () => {
    const row = buildOrderStatusRow(
      { ...base, status: "canceled", canceled_at: "2041-01-07T00:00:00.000Z" },
      [],
      NOW
    )
    expect(row.fulfillment_status).toBe("canceled")
    expect(row.payment_status).toBe("unpaid")
    expect(row.canceled_at).toEqual(new Date("2041-01-07T00:00:00.000Z"))
  })

  it("summarises shipments oldest first and lets them refine the status", () => {
    const row = buildOrderStatusRow(
      {
        ...base,
        items: [detail(3, { fulfilled_quantity: 3 })],
        fulfillments: [{ shipping_option: null }],
      },
      [
        { order_id: "order_1", status: "delivered", shipping_point: "local", created_at: "2041-01-09T00:00:00.000Z" },
        { order_id: "order_1", status: "canceled", shipping_point: "local", created_at: "2041-01-08T00:00:00.000Z" },
      ],
      NOW
    )
    expect(row.shipment_count).toBe(2)
    expect(row.shipment_statuses).toEqual(["canceled", "delivered"])
    expect(row.fulfillment_status).toBe("delivered")
  })

  it("skips empty entries Query can return for missing relations", () => {
    const row = buildOrderStatusRow(
      { ...base, items: [null, detail(1)], fulfillments: [null], payment_collections: [null] },
      [],
      NOW
    )
    expect(row.item_count).toBe(1)
    expect(row.payment_status).toBe("unpaid")
  })

  it("keeps the first shipping method's shipping option type, null without one, and leaves it alone when not loaded", () => {
    const typed = { ...base, shipping_methods: [null, { shipping_option: null }, { shipping_option: { type: { code: "express" } } }] }
    expect(buildOrderStatusRow(typed, [], NOW).shipping_option_type).toBe("express")
    expect(buildOrderStatusRow({ ...base, shipping_methods: [] }, [], NOW).shipping_option_type).toBeNull()
    expect("shipping_option_type" in buildOrderStatusRow(base, [], NOW)).toBe(false)
    expect(shippingOptionType({ shipping_methods: [{ shipping_option: { type: { code: "standard" } } }] })).toBe("standard")
  })
})
