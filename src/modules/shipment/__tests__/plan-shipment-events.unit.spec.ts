import { movesFulfillment, planShipmentEvents, type PlannedShipment } from "../plan-shipment-events"
import type { ShipmentStatusValue } from "../state-machine"

const shipment = (over: Partial<PlannedShipment> = {}): PlannedShipment => ({
  id: "shp_1",
  status: "awaiting_shipment",
  shipping_point: "local",
  fulfillment_id: null,
  shipped_at: null,
  delivered_at: null,
  canceled_at: null,
  last_event_at: null,
  ...over,
})
const at = (minute: number) => new Date(Date.UTC(2031, 4, 6, 10, minute))
const event = (status: ShipmentStatusValue, minute: number, id: string | null = `evt_${status}_${minute}`) => ({
  status,
  occurred_at: at(minute),
  provider_event_id: id,
})

describe("planShipmentEvents", () => {
  it("applies a shipment's events oldest first, whatever their arrival order, and moves it once", () => {
    const plan = planShipmentEvents(shipment(), null, [], [event("out_for_delivery", 30), event("in_transit", 10), event("delivered", 50)])
    expect(plan.record.map((r) => [r.from, r.event.status, r.applied])).toEqual([
      ["awaiting_shipment", "in_transit", true],
      ["in_transit", "out_for_delivery", true],
      ["out_for_delivery", "delivered", true],
    ])
    expect(plan.update).toEqual({
      status: "delivered",
      last_event_at: at(50),
      shipped_at: at(10),
      delivered_at: at(50),
      canceled_at: null,
    })
  })

  it("skips known and repeated carrier event ids without recording them", () => {
    const plan = planShipmentEvents(shipment(), null, ["evt_known"], [
      event("in_transit", 10, "evt_known"),
      event("out_for_delivery", 20, "evt_twice"),
      event("out_for_delivery", 20, "evt_twice"),
    ])
    expect(plan.duplicates).toBe(2)
    expect(plan.record).toHaveLength(1)
    expect(plan.update?.status).toBe("out_for_delivery")
  })

  it("records late, same-status and illegal events without moving the shipment", () => {
    const moved = shipment({ status: "in_transit", shipped_at: at(10), last_event_at: at(10) })
    const plan = planShipmentEvents(moved, at(10), [], [event("shipped", 5), event("in_transit", 12), event("awaiting_shipment", 15)])
    expect(plan.record.map((r) => r.reason)).toEqual(["late", "same_status", "illegal_transition"])
    expect(plan.update).toBeNull()
  })

  it("judges each event against the shipment the events before it moved", () => {
    const plan = planShipmentEvents(shipment(), null, [], [event("delivered", 10), event("in_transit", 20)])
    expect(plan.record.map((r) => r.reason ?? "applied")).toEqual(["applied", "illegal_transition"])
    expect(plan.update?.status).toBe("delivered")
  })

  it("takes a scan in the newest move's second (whole-second precision) as on time", () => {
    const plan = planShipmentEvents(shipment({ status: "in_transit" }), new Date(Date.UTC(2031, 4, 6, 10, 10, 0, 400)), [], [
      event("out_for_delivery", 10),
    ])
    expect(plan.record[0].applied).toBe(true)
  })
})

describe("movesFulfillment", () => {
  const planFor = (s: PlannedShipment, ...events: ReturnType<typeof event>[]) => planShipmentEvents(s, null, [], events)

  it("is false without a fulfillment, whatever the moves", () => {
    const s = shipment()
    expect(movesFulfillment(s, planFor(s, event("delivered", 10)))).toBe(false)
  })

  it("is true when the parcel first leaves, is delivered or canceled", () => {
    const s = shipment({ fulfillment_id: "ful_1" })
    expect(movesFulfillment(s, planFor(s, event("in_transit", 10)))).toBe(true)
    const left = shipment({ fulfillment_id: "ful_1", status: "in_transit", shipped_at: at(1) })
    expect(movesFulfillment(left, planFor(left, event("delivered", 10)))).toBe(true)
    expect(movesFulfillment(left, planFor(left, event("canceled", 10)))).toBe(true)
  })

  it("is false for moves between carrier states after the parcel left, and for events not applied", () => {
    const left = shipment({ fulfillment_id: "ful_1", status: "in_transit", shipped_at: at(1) })
    expect(movesFulfillment(left, planFor(left, event("out_for_delivery", 10), event("delivery_failed", 20)))).toBe(false)
    const delivered = shipment({ fulfillment_id: "ful_1", status: "delivered", shipped_at: at(1), delivered_at: at(2) })
    expect(movesFulfillment(delivered, planFor(delivered, event("canceled", 10)))).toBe(false)
  })
})
