import {
  computeFulfillmentStatus,
  fulfillmentQuantities,
  movesOrderFulfillmentStatus,
  ORDER_FULFILLMENT_STATUSES,
  type FulfillmentStatusFulfillment,
  type FulfillmentStatusInput,
  type FulfillmentStatusItem,
  type FulfillmentStatusShipment,
  type OrderFulfillmentStatusValue,
} from "../utils/compute-fulfillment-status"
import { ShipmentStatus } from "../../../modules/shipment/state-machine"

/** A line of `quantity` units with the given progress. */
const line = (quantity: number, progress: Partial<FulfillmentStatusItem> = {}): FulfillmentStatusItem => ({
  quantity,
  fulfilled_quantity: 0,
  shipped_quantity: 0,
  delivered_quantity: 0,
  return_received_quantity: 0,
  return_dismissed_quantity: 0,
  ...progress,
})
const T = "2026-01-01T00:00:00.000Z"
const packed: FulfillmentStatusFulfillment = { is_pickup: false }
const shipped: FulfillmentStatusFulfillment = { shipped_at: T, is_pickup: false }
const delivered: FulfillmentStatusFulfillment = { shipped_at: T, delivered_at: T, is_pickup: false }
const pickedUp: FulfillmentStatusFulfillment = { delivered_at: T, is_pickup: true }
const canceledPickup: FulfillmentStatusFulfillment = { canceled_at: T, delivered_at: T, is_pickup: true }
const digitalDelivered: FulfillmentStatusFulfillment = { delivered_at: T, is_pickup: false }
const canceledFulfillment: FulfillmentStatusFulfillment = { canceled_at: T, is_pickup: false }
const shipment = (status: string, shipping_point = "local"): FulfillmentStatusShipment => ({
  status,
  shipping_point,
})

const all = (n: number) => ({ fulfilled_quantity: n, shipped_quantity: n, delivered_quantity: n })

type Row = [string, FulfillmentStatusInput, OrderFulfillmentStatusValue]

/** Every row of the truth table in computeFulfillmentStatus's TSDoc, plus the edges around each. */
const TABLE: Row[] = [
  // 1. canceled wins over everything
  ["canceled, nothing done", { canceled: true, items: [line(2)], fulfillments: [] }, "canceled"],
  [
    "canceled after delivery (cancel wins)",
    { canceled: true, items: [line(1, all(1))], fulfillments: [delivered] },
    "canceled",
  ],
  ["canceled with no items", { canceled: true, items: [], fulfillments: [] }, "canceled"],

  // 2. returned
  [
    "every unit received back",
    {
      canceled: false,
      items: [line(2, { ...all(2), return_received_quantity: 2 }), line(1, { ...all(1), return_received_quantity: 1 })],
      fulfillments: [delivered],
    },
    "returned",
  ],
  [
    "every unit back, some received damaged (dismissed)",
    {
      canceled: false,
      items: [line(3, { ...all(3), return_received_quantity: 1, return_dismissed_quantity: 2 })],
      fulfillments: [delivered],
    },
    "returned",
  ],
  [
    "returned after pickup",
    { canceled: false, items: [line(1, { fulfilled_quantity: 1, delivered_quantity: 1, return_received_quantity: 1 })], fulfillments: [pickedUp] },
    "returned",
  ],

  // 3. partially returned
  [
    "one of two tees received back",
    {
      canceled: false,
      items: [line(2, { ...all(2), return_received_quantity: 1 }), line(1, all(1))],
      fulfillments: [delivered],
    },
    "partially_returned",
  ],
  [
    "one whole line of two received back",
    {
      canceled: false,
      items: [line(1, { ...all(1), return_received_quantity: 1 }), line(1, all(1))],
      fulfillments: [delivered],
    },
    "partially_returned",
  ],
  [
    "a return requested but not received does not count",
    {
      canceled: false,
      items: [line(1, all(1))],
      fulfillments: [delivered],
    },
    "delivered",
  ],

  // 4. picked up
  [
    "every unit delivered through a pickup fulfillment",
    { canceled: false, items: [line(1, { fulfilled_quantity: 1, delivered_quantity: 1 }), line(2, { fulfilled_quantity: 2, delivered_quantity: 2 })], fulfillments: [pickedUp] },
    "picked_up",
  ],
  [
    "picked up; a canceled pickup fulfillment is ignored",
    { canceled: false, items: [line(1, { fulfilled_quantity: 1, delivered_quantity: 1 })], fulfillments: [canceledPickup, pickedUp] },
    "picked_up",
  ],

  // 5. delivered
  [
    "every unit shipped and delivered",
    { canceled: false, items: [line(2, all(2)), line(1, all(1))], fulfillments: [delivered] },
    "delivered",
  ],
  [
    "digital only, delivered without shipping",
    { canceled: false, items: [line(1, { fulfilled_quantity: 1, delivered_quantity: 1 })], fulfillments: [digitalDelivered] },
    "delivered",
  ],
  [
    "pickup and a shipped parcel both delivered (not all pickup)",
    { canceled: false, items: [line(1, all(1)), line(1, { fulfilled_quantity: 1, delivered_quantity: 1 })], fulfillments: [delivered, pickedUp] },
    "delivered",
  ],
  [
    "physical shipped+delivered and digital delivered",
    { canceled: false, items: [line(2, all(2)), line(1, { fulfilled_quantity: 1, delivered_quantity: 1 })], fulfillments: [delivered, digitalDelivered] },
    "delivered",
  ],

  // 6. delivered / picked up, by our shipments
  [
    "all shipped in Medusa, every active shipment delivered",
    {
      canceled: false,
      items: [line(2, { fulfilled_quantity: 2, shipped_quantity: 2 })],
      fulfillments: [shipped],
      shipments: [shipment("delivered"), shipment("canceled")],
    },
    "delivered",
  ],
  [
    "all fulfilled, not shipped in Medusa, pickup shipment delivered",
    {
      canceled: false,
      items: [line(1, { fulfilled_quantity: 1 })],
      fulfillments: [packed],
      shipments: [shipment("delivered", "pickup")],
    },
    "picked_up",
  ],
  [
    "shipments delivered but part of the order not fulfilled",
    {
      canceled: false,
      items: [line(2, { fulfilled_quantity: 1, shipped_quantity: 1 })],
      fulfillments: [shipped],
      shipments: [shipment("delivered")],
    },
    "partially_fulfilled",
  ],

  // 7. fulfilled
  [
    "every unit shipped",
    { canceled: false, items: [line(2, { fulfilled_quantity: 2, shipped_quantity: 2 }), line(1, { fulfilled_quantity: 1, shipped_quantity: 1 })], fulfillments: [shipped] },
    "fulfilled",
  ],
  [
    "some delivered, the rest shipped",
    { canceled: false, items: [line(1, all(1)), line(1, { fulfilled_quantity: 1, shipped_quantity: 1 })], fulfillments: [delivered, shipped] },
    "fulfilled",
  ],
  [
    "every unit shipped, one shipment delivered and one in transit",
    {
      canceled: false,
      items: [line(2, { fulfilled_quantity: 2, shipped_quantity: 2 })],
      fulfillments: [shipped, shipped],
      shipments: [shipment("delivered"), shipment("in_transit")],
    },
    "fulfilled",
  ],
  [
    "all fulfilled, not shipped in Medusa, every active shipment in transit",
    {
      canceled: false,
      items: [line(1, { fulfilled_quantity: 1 })],
      fulfillments: [packed],
      shipments: [shipment("in_transit", "international")],
    },
    "fulfilled",
  ],
  [
    "all fulfilled, a delivery failed (still on its way)",
    {
      canceled: false,
      items: [line(1, { fulfilled_quantity: 1 })],
      fulfillments: [packed],
      shipments: [shipment("delivery_failed")],
    },
    "fulfilled",
  ],

  // 8. partially fulfilled
  [
    "some units in a fulfillment, nothing shipped",
    { canceled: false, items: [line(2, { fulfilled_quantity: 2 }), line(2, { fulfilled_quantity: 1 }), line(1)], fulfillments: [packed] },
    "partially_fulfilled",
  ],
  [
    "some shipped, the rest not fulfilled",
    { canceled: false, items: [line(1, { fulfilled_quantity: 1, shipped_quantity: 1 }), line(1)], fulfillments: [shipped] },
    "partially_fulfilled",
  ],
  [
    "all fulfilled, some shipped",
    { canceled: false, items: [line(1, { fulfilled_quantity: 1, shipped_quantity: 1 }), line(1, { fulfilled_quantity: 1 })], fulfillments: [shipped, packed] },
    "partially_fulfilled",
  ],
  [
    "digital delivered, physical not fulfilled",
    { canceled: false, items: [line(1, { fulfilled_quantity: 1, delivered_quantity: 1 }), line(1)], fulfillments: [digitalDelivered] },
    "partially_fulfilled",
  ],
  [
    "all fulfilled, one of two shipments shipped",
    {
      canceled: false,
      items: [line(2, { fulfilled_quantity: 2 })],
      fulfillments: [packed, packed],
      shipments: [shipment("shipped"), shipment("awaiting_shipment")],
    },
    "partially_fulfilled",
  ],

  // 9. dispatched
  [
    "every unit in a fulfillment, nothing shipped",
    { canceled: false, items: [line(3, { fulfilled_quantity: 3 }), line(1, { fulfilled_quantity: 1 })], fulfillments: [packed] },
    "dispatched",
  ],
  [
    "every unit fulfilled for pickup, not yet collected",
    { canceled: false, items: [line(1, { fulfilled_quantity: 1 })], fulfillments: [{ is_pickup: true }] },
    "dispatched",
  ],
  [
    "all fulfilled, shipment awaiting shipment",
    {
      canceled: false,
      items: [line(1, { fulfilled_quantity: 1 })],
      fulfillments: [packed],
      shipments: [shipment("awaiting_shipment"), shipment("canceled")],
    },
    "dispatched",
  ],
  [
    "all fulfilled, the only shipment canceled",
    { canceled: false, items: [line(1, { fulfilled_quantity: 1 })], fulfillments: [packed], shipments: [shipment("canceled")] },
    "dispatched",
  ],

  // 10. unfulfilled
  ["nothing fulfilled", { canceled: false, items: [line(2), line(1)], fulfillments: [] }, "unfulfilled"],
  ["digital only, not delivered yet", { canceled: false, items: [line(1)], fulfillments: [] }, "unfulfilled"],
  [
    "the only fulfillment was canceled (quantities given back)",
    { canceled: false, items: [line(1)], fulfillments: [canceledFulfillment] },
    "unfulfilled",
  ],
  ["no items", { canceled: false, items: [], fulfillments: [] }, "unfulfilled"],
  [
    "a line removed by an edit (quantity 0) is ignored",
    { canceled: false, items: [line(0), line(1, { fulfilled_quantity: 1 })], fulfillments: [packed] },
    "dispatched",
  ],
]

describe("computeFulfillmentStatus", () => {
  it.each(TABLE)("%s", (_name, input, expected) => {
    expect(computeFulfillmentStatus(input)).toBe(expected)
  })

  it("the table reaches every status", () => {
    const reached = new Set(TABLE.map(([, , status]) => status))
    expect([...reached].sort()).toEqual([...ORDER_FULFILLMENT_STATUSES].sort())
  })

  it("caps each line's progress at its quantity", () => {
    expect(
      fulfillmentQuantities([line(1, { fulfilled_quantity: 5, shipped_quantity: 5, return_received_quantity: 3 })])
    ).toEqual({ ordered: 1, fulfilled: 1, shipped: 1, delivered: 0, returned: 1 })
  })

  it("treats missing or non-numeric quantities as zero", () => {
    expect(
      computeFulfillmentStatus({
        canceled: false,
        items: [{ quantity: 2, fulfilled_quantity: null, shipped_quantity: Number.NaN }],
        fulfillments: [],
      })
    ).toBe("unfulfilled")
  })
})

describe("movesOrderFulfillmentStatus", () => {
  it.each([
    ["shipped", "in_transit", false],
    ["in_transit", "out_for_delivery", false],
    ["out_for_delivery", "in_transit", false],
    ["out_for_delivery", "delivery_failed", false],
    ["awaiting_shipment", "shipped", true],
    ["out_for_delivery", "delivered", true],
    ["delivered", "in_transit", true],
    ["in_transit", "canceled", true],
    ["awaiting_shipment", "canceled", true],
  ])("%s → %s can change the order's status: %s", (from, to, moves) => {
    expect(movesOrderFulfillmentStatus(from, to)).toBe(moves)
  })

  it("is right for every move: when it says no, no order's fulfillment status changes, whatever else the order holds", () => {
    const statuses = Object.values(ShipmentStatus)
    const items = [
      [{ quantity: 2, fulfilled_quantity: 2 }],
      [{ quantity: 2, fulfilled_quantity: 1 }],
      [{ quantity: 2, fulfilled_quantity: 2, shipped_quantity: 2 }],
      [{ quantity: 1 }],
    ]
    const others = [[], [{ status: "delivered", shipping_point: "local" }], [{ status: "awaiting_shipment", shipping_point: "local" }], [{ status: "canceled", shipping_point: "local" }]]
    let unchanged = 0
    let changed = 0
    for (const from of statuses) {
      for (const to of statuses) {
        for (const point of ["local", "pickup"]) {
          for (const lines of items) {
            for (const rest of others) {
              const status = (s: string) => computeFulfillmentStatus({ canceled: false, items: lines, fulfillments: [], shipments: [{ status: s, shipping_point: point }, ...rest] })
              if (status(from) !== status(to)) {
                changed++
                // Never a false "no": the fast path would leave a wrong status.
                expect({ from, to, moves: movesOrderFulfillmentStatus(from, to) }).toEqual({ from, to, moves: true })
              } else {
                unchanged++
              }
            }
          }
        }
      }
    }
    // The enumeration covers both kinds of move.
    expect(changed).toBeGreaterThan(0)
    expect(unchanged).toBeGreaterThan(0)
  })
})
