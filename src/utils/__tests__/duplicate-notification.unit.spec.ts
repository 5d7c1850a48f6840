import { isDuplicateNotification } from "../duplicate-notification"

describe("isDuplicateNotification", () => {
  it("recognizes the notification module's refusal of a repeated idempotency key", () => {
    expect(
      isDuplicateNotification(new Error("Notification with idempotency_key: order-ops-refund:ref_1, already exists."))
    ).toBe(true)
  })

  it("does not swallow other failures", () => {
    expect(isDuplicateNotification(new Error("Notification provider failed"))).toBe(false)
    expect(isDuplicateNotification(new Error("Shipment with id: shp_1 already exists"))).toBe(false)
    expect(isDuplicateNotification(null)).toBe(false)
    expect(isDuplicateNotification("idempotency_key already exists")).toBe(false)
  })
})
