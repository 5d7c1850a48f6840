import { mapEasyPostStatus, mapShippoStatus } from "../status-map"

describe("mapShippoStatus", () => {
  it.each([
    ["UNKNOWN", undefined, null],
    ["PRE_TRANSIT", undefined, "awaiting_shipment"],
    ["TRANSIT", undefined, "in_transit"],
    ["TRANSIT", "package_departed", "in_transit"],
    ["TRANSIT", "out_for_delivery", "out_for_delivery"],
    ["TRANSIT", "pickup_available", "out_for_delivery"],
    ["DELIVERED", undefined, "delivered"],
    ["RETURNED", undefined, "delivery_failed"],
    ["FAILURE", undefined, "delivery_failed"],
    ["SOMETHING_NEW", undefined, null],
    [null, undefined, null],
  ])("%s (%s) → %s", (status, substatus, expected) => {
    expect(mapShippoStatus(status, substatus)).toBe(expected)
  })
})

describe("mapEasyPostStatus", () => {
  it.each([
    ["unknown", null],
    ["pre_transit", "awaiting_shipment"],
    ["in_transit", "in_transit"],
    ["out_for_delivery", "out_for_delivery"],
    ["available_for_pickup", "out_for_delivery"],
    ["delivered", "delivered"],
    ["return_to_sender", "delivery_failed"],
    ["failure", "delivery_failed"],
    ["cancelled", "canceled"],
    ["error", null],
    ["brand_new_status", null],
    [undefined, null],
  ])("%s → %s", (status, expected) => {
    expect(mapEasyPostStatus(status)).toBe(expected)
  })
})
