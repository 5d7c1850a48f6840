import { MedusaError } from "@medusajs/framework/utils"
import { options as defaults } from "./fixtures"
import { ShipmentStatus } from "../../../modules/shipment/state-machine"
import { carrierName, findCarrier, resolveTrackingUrl } from "../utils/carriers"
import { isAnnouncedShipmentStatus, SHIPMENT_TEMPLATES, shipmentNotificationKind, shouldNotify, trackingChangeNotifiable } from "../utils/notifications"
import { fulfillableItems, throwIfInvalidShipmentRequest } from "../utils/validate-shipment-request"

describe("carriers", () => {
  it.each([
    ["ups", "1Z999AA10123456784", "https://www.ups.com/track?tracknum=1Z999AA10123456784"],
    ["FedEx", "123456789012", "https://www.fedex.com/fedextrack/?trknbr=123456789012"],
    ["usps", "9400 1000", "https://tools.usps.com/go/TrackConfirmAction?tLabels=9400%201000"],
    ["DHL", "JD0146", "https://www.dhl.com/global-en/home/tracking/tracking-express.html?submit=1&tracking-id=JD0146"],
    ["royal mail", "AB123", "https://www.royalmail.com/track-your-item#/tracking-results/AB123"],
  ])("builds the tracking URL for %s", (carrier, number, url) => {
    expect(resolveTrackingUrl(carrier, number)).toBe(url)
  })

  it("keeps a typed URL, and builds none for an unknown carrier or without a number", () => {
    expect(resolveTrackingUrl("ups", "1Z", "https://example.com/t")).toBe("https://example.com/t")
    expect(resolveTrackingUrl("Bob's Couriers", "42")).toBeNull()
    expect(resolveTrackingUrl("ups", null)).toBeNull()
  })

  it("names carriers", () => {
    expect(findCarrier("DHL Express")?.code).toBe("dhl")
    expect(carrierName("fedex")).toBe("FedEx")
    expect(carrierName("Bob's Couriers")).toBe("Bob's Couriers")
    expect(carrierName(null)).toBeNull()
  })
})

describe("manual shipment requests", () => {
  const order = { id: "order_1", status: "pending", canceled_at: null }
  const items = fulfillableItems([
    { id: "li_tee", title: "Tee", quantity: 3, detail: { quantity: 3, fulfilled_quantity: 1 } },
    { id: "li_mug", title: "Mug", detail: { quantity: { numeric: 2 }, fulfilled_quantity: "2" } },
  ])

  it("works out what is left to fulfil", () => {
    expect(items).toEqual([
      { line_item_id: "li_tee", title: "Tee", quantity: 3, fulfillable_quantity: 2 },
      { line_item_id: "li_mug", title: "Mug", quantity: 2, fulfillable_quantity: 0 },
    ])
  })

  it("accepts a partial shipment", () => {
    expect(() =>
      throwIfInvalidShipmentRequest(order, items, { items: [{ line_item_id: "li_tee", quantity: 1 }], shipping_point: "local" })
    ).not.toThrow()
  })

  it.each([
    ["more than is left", { items: [{ line_item_id: "li_tee", quantity: 3 }], shipping_point: "local" as const }, "items[0].quantity"],
    ["an item already fulfilled", { items: [{ line_item_id: "li_mug", quantity: 1 }], shipping_point: "local" as const }, "items[0].quantity"],
    ["an unknown item", { items: [{ line_item_id: "li_x", quantity: 1 }], shipping_point: "local" as const }, "items[0].line_item_id"],
    ["a repeated item", { items: [{ line_item_id: "li_tee", quantity: 1 }, { line_item_id: "li_tee", quantity: 1 }], shipping_point: "local" as const }, "items[1].line_item_id"],
    ["no items", { items: [], shipping_point: "local" as const }, "items"],
    ["international without tracking", { items: [{ line_item_id: "li_tee", quantity: 1 }], shipping_point: "international" as const, tracking_number: "  " }, "tracking_number"],
  ])("refuses %s, naming the field", (_label, request, field) => {
    try {
      throwIfInvalidShipmentRequest(order, items, request)
      throw new Error("expected a throw")
    } catch (e) {
      expect((e as MedusaError).type).toBe(MedusaError.Types.INVALID_DATA)
      expect((e as Error).message.startsWith(`${field}:`)).toBe(true)
    }
  })

  it("refuses a canceled order", () => {
    expect(() =>
      throwIfInvalidShipmentRequest({ ...order, status: "canceled" }, items, {
        items: [{ line_item_id: "li_tee", quantity: 1 }],
        shipping_point: "local",
      })
    ).toThrow(/canceled/)
  })
})

describe("shipment notifications", () => {
  it.each([
    ["shipped", "local", "shipped"],
    ["in_transit", "local", null],
    ["out_for_delivery", "international", "out_for_delivery"],
    ["delivered", "local", "delivered"],
    ["delivered", "pickup", "picked_up"],
    ["delivery_failed", "local", "delivery_failed"],
    ["canceled", "local", null],
    ["awaiting_shipment", "pickup", null],
  ] as const)("%s (%s) → %s", (status, point, kind) => {
    expect(shipmentNotificationKind(status, point)).toBe(kind)
  })

  it("knows which statuses are never announced, wherever the shipment goes (no workflow runs for them)", () => {
    const announced = Object.values(ShipmentStatus).filter((status) => isAnnouncedShipmentStatus(status))
    expect(announced.sort()).toEqual(["delivered", "delivery_failed", "out_for_delivery", "shipped"])
    for (const status of Object.values(ShipmentStatus)) {
      const anyKind = shipmentNotificationKind(status, "local") ?? shipmentNotificationKind(status, "pickup")
      expect(isAnnouncedShipmentStatus(status)).toBe(anyKind !== null)
    }
  })

  it("honours the shipment's switch and the store's option", () => {
    expect(shouldNotify("shipped", true, defaults())).toBe(true)
    expect(shouldNotify("shipped", false, defaults())).toBe(false)
    const off = defaults()
    off.shipments.notify.delivered = false
    expect(shouldNotify("delivered", true, off)).toBe(false)
    expect(shouldNotify(null, true, defaults())).toBe(false)
  })

  it.each([
    ["awaiting_shipment", false],
    ["shipped", true],
    ["in_transit", true],
    ["out_for_delivery", true],
    ["delivery_failed", true],
    ["delivered", false],
    ["canceled", false],
  ] as const)("tracking details edited while %s: announced → %s", (status, notifiable) => {
    expect(trackingChangeNotifiable(status)).toBe(notifiable)
  })

  it("has one template per moment", () => {
    expect(new Set(Object.values(SHIPMENT_TEMPLATES)).size).toBe(5)
    expect(SHIPMENT_TEMPLATES.picked_up).toBe("order-ops-shipment-picked-up")
  })
})
