import { MedusaError } from "@medusajs/framework/utils"
import {
  allowedShipmentTransitions,
  assertTransition,
  canTransition,
  hasParcelLeft,
  isFinalShipmentStatus,
  isLateEvent,
  timePrecisionMs,
  SHIPMENT_STATUSES,
  type ShipmentStatusValue,
} from "../state-machine"

/**
 * The expected table, written out independently of the implementation:
 * "x" marks a legal move from the row's status to the column's.
 *
 *                 awaiting shipped transit out  delivered failed canceled
 */
const COURIER: Record<ShipmentStatusValue, string> = {
  awaiting_shipment: ". x x x x x x",
  shipped: ". . x x x x x",
  in_transit: ". . . x x x x",
  out_for_delivery: ". . x . x x x",
  delivered: ". . . . . . .",
  delivery_failed: ". . x x x . x",
  canceled: ". . . . . . .",
}
const PICKUP: Record<ShipmentStatusValue, string> = {
  awaiting_shipment: ". . . . x . x",
  shipped: ". . . . . . .",
  in_transit: ". . . . . . .",
  out_for_delivery: ". . . . . . .",
  delivered: ". . . . . . .",
  delivery_failed: ". . . . . . .",
  canceled: ". . . . . . .",
}
const COLUMNS: ShipmentStatusValue[] = [
  "awaiting_shipment",
  "shipped",
  "in_transit",
  "out_for_delivery",
  "delivered",
  "delivery_failed",
  "canceled",
]

function pairs(table: Record<ShipmentStatusValue, string>) {
  return COLUMNS.flatMap((from) =>
    table[from].split(" ").map((mark, i) => [from, COLUMNS[i], mark === "x"] as const)
  )
}

describe("shipment transitions (carrier and local shipments)", () => {
  it("covers every status", () => {
    expect([...COLUMNS].sort()).toEqual([...SHIPMENT_STATUSES].sort())
  })

  it.each(pairs(COURIER))("%s → %s legal: %s", (from, to, legal) => {
    expect(canTransition(from, to)).toBe(legal)
    expect(canTransition(from, to, "local")).toBe(legal)
    expect(canTransition(from, to, "international")).toBe(legal)
    if (legal) {
      expect(() => assertTransition(from, to)).not.toThrow()
    } else {
      expect(() => assertTransition(from, to)).toThrow(MedusaError)
    }
  })
})

describe("shipment transitions (pickup)", () => {
  it.each(pairs(PICKUP))("%s → %s legal: %s", (from, to, legal) => {
    expect(canTransition(from, to, "pickup")).toBe(legal)
  })
})

describe("assertTransition", () => {
  it("says which move is refused, in the merchant's words", () => {
    expect(() => assertTransition("delivered", "in_transit")).toThrow(
      "status: cannot go from Delivered to In transit"
    )
    expect(() => assertTransition("awaiting_shipment", "shipped", "pickup")).toThrow(
      "status: cannot go from Awaiting shipment to Shipped (pickup shipment)"
    )
  })

  it("is an INVALID_DATA error (a 400)", () => {
    try {
      assertTransition("canceled", "shipped")
      throw new Error("expected a throw")
    } catch (e) {
      expect((e as MedusaError).type).toBe(MedusaError.Types.INVALID_DATA)
    }
  })

  it("lists the next moves for the admin", () => {
    expect(allowedShipmentTransitions("delivery_failed")).toEqual([
      "in_transit",
      "out_for_delivery",
      "delivered",
      "canceled",
    ])
    expect(allowedShipmentTransitions("awaiting_shipment", "pickup")).toEqual(["delivered", "canceled"])
  })
})

describe("isLateEvent", () => {
  const at = (iso: string) => new Date(iso)
  it("reads an event's precision from its time: ms (our clock), whole seconds, whole minutes", () => {
    expect(timePrecisionMs(at("2041-01-01T10:00:00.001Z"))).toBe(1)
    expect(timePrecisionMs(at("2041-01-01T10:00:01Z"))).toBe(1_000)
    expect(timePrecisionMs(at("2041-01-01T10:01:00Z"))).toBe(60_000)
  })

  it("is never late when nothing has moved the shipment yet", () => {
    expect(isLateEvent(at("2001-01-01T00:00:00Z"), null)).toBe(false)
  })

  it("compares like with like: the newest applied time cut to the event's precision", () => {
    const newest = at("2041-01-01T10:20:30.750Z")
    expect(isLateEvent(at("2041-01-01T10:20:30Z"), newest)).toBe(false)
    expect(isLateEvent(at("2041-01-01T10:20:00Z"), newest)).toBe(false)
    expect(isLateEvent(at("2041-01-01T10:20:29Z"), newest)).toBe(true)
    expect(isLateEvent(at("2041-01-01T10:19:00Z"), newest)).toBe(true)
    expect(isLateEvent(at("2041-01-01T10:20:30.700Z"), newest)).toBe(true)
  })
})

describe("hasParcelLeft", () => {
  it("is true once the carrier has the parcel, false while it waits or was canceled before leaving", () => {
    const left = SHIPMENT_STATUSES.filter((s) => hasParcelLeft(s))
    expect(left.sort()).toEqual(["delivered", "delivery_failed", "in_transit", "out_for_delivery", "shipped"])
    expect(hasParcelLeft("awaiting_shipment")).toBe(false)
    expect(hasParcelLeft("canceled")).toBe(false)
    expect(hasParcelLeft(null)).toBe(false)
  })
})

describe("isFinalShipmentStatus", () => {
  it("is true only for delivered and canceled", () => {
    expect(SHIPMENT_STATUSES.filter((s) => isFinalShipmentStatus(s)).sort()).toEqual(["canceled", "delivered"])
  })
})
