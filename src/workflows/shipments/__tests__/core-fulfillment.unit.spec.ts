import { SHIPMENT_STATUSES } from "../../../modules/shipment/state-machine"
import { findCarrierByTrackingUrl } from "../utils/carriers"
import {
  coreFulfillmentMove,
  isCheckoutLabelFulfillment,
  isCoreActionReflected,
  planFulfillmentAdoption,
  type CoreFulfillment,
} from "../utils/core-fulfillment"

const fulfillment = (over: Partial<CoreFulfillment> = {}): CoreFulfillment => ({
  id: "ful_1",
  provider_id: "manual_manual",
  data: {},
  metadata: null,
  delivery_address: { country_code: "dk" },
  labels: [],
  items: [
    { line_item_id: "li_tee", title: "Tee", quantity: 2 },
    { line_item_id: "li_ebook", title: "E-book", quantity: 1 },
  ],
  shipping_option: { shipping_profile: { type: "default" }, service_zone: { fulfillment_set: { type: "shipping" } } },
  ...over,
})
const plan = (f: CoreFulfillment | null, over: Partial<Parameters<typeof planFulfillmentAdoption>[0]> = {}) =>
  planFulfillmentAdoption({ fulfillment: f, has_shipment: false, digital_line_item_ids: [], origin_country_code: "DK", ...over })
const checkoutData = { carrier: "sandbox", tracking_number: "SBX1", idempotency_key: "checkout:ful_1" }

describe("planFulfillmentAdoption", () => {
  it("adopts a core fulfillment as an awaiting manual shipment of its physical items", () => {
    expect(plan(fulfillment(), { digital_line_item_ids: ["li_ebook"] })).toEqual({
      adopt: true,
      shipping_point: "local",
      status: "awaiting_shipment",
      carrier: null,
      tracking_number: null,
      tracking_url: null,
      items: [{ line_item_id: "li_tee", title: "Tee", quantity: 2 }],
    })
  })

  it("takes tracking from the labels, the carrier from a known tracking host", () => {
    const adopted = plan(
      fulfillment({ labels: [{ tracking_number: " 1Z9 ", tracking_url: "https://www.ups.com/track?tracknum=1Z9" }] })
    )
    expect(adopted).toMatchObject({ carrier: "ups", tracking_number: "1Z9", tracking_url: "https://www.ups.com/track?tracknum=1Z9" })
    expect(plan(fulfillment({ labels: [{ tracking_number: "X1", tracking_url: "https://couriers.example/X1" }] }))).toMatchObject({
      carrier: null,
      tracking_number: "X1",
    })
  })

  it.each([
    ["pickup", "pickup", fulfillment({ shipping_option: { service_zone: { fulfillment_set: { type: "pickup" } } } })],
    ["abroad", "international", fulfillment({ delivery_address: { country_code: "se" } })],
    ["at home", "local", fulfillment({ delivery_address: { country_code: "DK" } })],
  ])("a fulfillment %s is a %s shipment", (_l, point, f) => {
    expect(plan(f)).toMatchObject({ adopt: true, shipping_point: point })
  })

  it.each([
    ["shipped", fulfillment({ shipped_at: "2030-01-01" }), "shipped"],
    ["delivered", fulfillment({ shipped_at: "2030-01-01", delivered_at: "2030-01-02" }), "delivered"],
    [
      "a pickup marked shipped",
      fulfillment({ shipped_at: "2030-01-01", shipping_option: { service_zone: { fulfillment_set: { type: "pickup" } } } }),
      "awaiting_shipment",
    ],
  ])("starts where a fulfillment %s stands", (_l, f, status) => {
    expect(plan(f)).toMatchObject({ adopt: true, status })
  })

  it.each([
    ["missing", null, {}, "not_found"],
    ["canceled", fulfillment({ canceled_at: "2030-01-01" }), {}, "canceled"],
    ["already a shipment", fulfillment(), { has_shipment: true }, "has_shipment"],
    ["a manual shipment's", fulfillment({ metadata: { order_ops_shipping_point: "local" } }), {}, "own"],
    ["a bought label's", fulfillment({ metadata: { order_ops_label_id: "lbl_1" } }), {}, "own"],
    ["auto-completed digital items", fulfillment({ metadata: { order_ops_digital: true } }), {}, "own"],
    ["a checkout label's", fulfillment({ provider_id: "order-ops-carrier_order-ops-carrier", data: checkoutData }), {}, "checkout_label"],
    ["only digital items", fulfillment(), { digital_line_item_ids: ["li_tee", "li_ebook"] }, "digital"],
    ["on a digital profile", fulfillment({ shipping_option: { shipping_profile: { type: "digital" } } }), {}, "digital"],
  ])("skips a fulfillment that is %s", (_l, f, over, reason) => {
    expect(plan(f, over)).toEqual({ adopt: false, reason })
  })
})

describe("coreFulfillmentMove", () => {
  it("moves forward once and never back", () => {
    const at = (status: string, shipping_point = "local") => ({ status, shipping_point })
    expect(coreFulfillmentMove(at("awaiting_shipment"), "shipped")).toBe("shipped")
    expect(coreFulfillmentMove(at("shipped"), "shipped")).toBeNull()
    expect(coreFulfillmentMove(at("in_transit"), "shipped")).toBeNull()
    expect(coreFulfillmentMove(at("out_for_delivery"), "delivered")).toBe("delivered")
    expect(coreFulfillmentMove(at("awaiting_shipment"), "delivered")).toBe("delivered")
    expect(coreFulfillmentMove(at("delivered"), "delivered")).toBeNull()
    expect(coreFulfillmentMove(at("awaiting_shipment"), "canceled")).toBe("canceled")
    expect(coreFulfillmentMove(at("canceled"), "canceled")).toBeNull()
    expect(coreFulfillmentMove(at("delivered"), "canceled")).toBeNull()
    expect(coreFulfillmentMove(at("awaiting_shipment", "pickup"), "shipped")).toBeNull()
    expect(coreFulfillmentMove(at("awaiting_shipment", "pickup"), "delivered")).toBe("delivered")
  })

  it("never moves a final shipment, whatever Medusa did", () => {
    for (const action of ["shipped", "delivered", "canceled"] as const) {
      expect(coreFulfillmentMove({ status: "delivered" }, action)).toBeNull()
      expect(coreFulfillmentMove({ status: "canceled" }, action)).toBeNull()
    }
    expect(SHIPMENT_STATUSES).toContain("canceled")
  })

  it("does nothing without a shipment, and leaves a checkout label's cancel to its own workflow", () => {
    expect(coreFulfillmentMove(null, "shipped")).toBeNull()
    const checkout = { provider_id: "order-ops-carrier_order-ops-carrier", data: checkoutData }
    expect(isCheckoutLabelFulfillment(checkout)).toBe(true)
    expect(coreFulfillmentMove({ status: "awaiting_shipment" }, "canceled", checkout)).toBeNull()
    expect(coreFulfillmentMove({ status: "awaiting_shipment" }, "shipped", checkout)).toBe("shipped")
  })
})

describe("isCoreActionReflected", () => {
  it("is true only when the shipment already stands where the action puts it (the echo of our own move)", () => {
    const table: [string, "shipped" | "delivered" | "canceled", boolean][] = [
      ["awaiting_shipment", "shipped", false],
      ["shipped", "shipped", true],
      ["in_transit", "shipped", true],
      ["delivery_failed", "shipped", true],
      ["delivered", "shipped", true],
      ["canceled", "shipped", false],
      ["in_transit", "delivered", false],
      ["delivered", "delivered", true],
      ["shipped", "canceled", false],
      ["canceled", "canceled", true],
    ]
    for (const [status, action, expected] of table) {
      expect([status, action, isCoreActionReflected({ status }, action)]).toEqual([status, action, expected])
    }
  })

  it("is false without a shipment: Medusa's action changed the order alone", () => {
    expect(isCoreActionReflected(undefined, "shipped")).toBe(false)
  })
})

describe("findCarrierByTrackingUrl", () => {
  it("knows carriers by their tracking host", () => {
    expect(findCarrierByTrackingUrl("https://tools.usps.com/go/TrackConfirmAction?tLabels=1")?.code).toBe("usps")
    expect(findCarrierByTrackingUrl("https://ups.com/track?tracknum=1")?.code).toBe("ups")
    expect(findCarrierByTrackingUrl("not a url")).toBeUndefined()
    expect(findCarrierByTrackingUrl(null)).toBeUndefined()
  })
})
