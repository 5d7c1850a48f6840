import { computeDeliveryStatus, type DeliveryStatusSource } from "../utils/compute-delivery-status"

const d = (status: string, outcome_unknown = false): DeliveryStatusSource => ({ status, outcome_unknown })

describe("computeDeliveryStatus", () => {
  it.each<[string, DeliveryStatusSource[], string]>([
    ["no digital items", [], "none"],
    ["one pending", [d("pending")], "pending"],
    ["one delivered", [d("delivered")], "delivered"],
    ["one failed", [d("failed")], "failed"],
    ["one awaiting the recipient", [d("awaiting_recipient")], "awaiting_recipient"],
    ["one revoked", [d("revoked")], "revoked"],
    ["pending with an unknown outcome", [d("pending", true)], "outcome_unknown"],
    ["failed with an unknown outcome", [d("failed", true)], "outcome_unknown"],
    ["an outcome_unknown status", [d("outcome_unknown")], "outcome_unknown"],
    ["delivered by hand after an unknown outcome", [d("delivered", true)], "delivered"],
    ["revoked after an unknown outcome", [d("revoked", true)], "revoked"],
    ["all delivered", [d("delivered"), d("delivered")], "delivered"],
    ["delivered and pending", [d("delivered"), d("pending")], "pending"],
    ["delivered and awaiting", [d("delivered"), d("awaiting_recipient")], "awaiting_recipient"],
    ["pending and awaiting", [d("pending"), d("awaiting_recipient")], "awaiting_recipient"],
    ["delivered and failed", [d("delivered"), d("failed")], "failed"],
    ["awaiting and failed", [d("awaiting_recipient"), d("failed")], "failed"],
    ["failed and unknown", [d("failed"), d("pending", true)], "outcome_unknown"],
    ["delivered and revoked (partial refund)", [d("delivered"), d("revoked")], "delivered"],
    ["all revoked", [d("revoked"), d("revoked")], "revoked"],
    ["revoked and pending", [d("revoked"), d("pending")], "pending"],
    ["revoked and failed", [d("revoked"), d("failed")], "failed"],
  ])("%s → %s", (_, deliveries, expected) => {
    expect(computeDeliveryStatus(deliveries)).toBe(expected)
  })
})
