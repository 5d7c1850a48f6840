import type { SubscriberArgs } from "@medusajs/framework"
import type { ShipmentEventData } from "../../events"
import shipmentNotifyCustomerHandler from "../shipment-notify-customer"

/**
 * Called with an empty container, the handler fails as soon as it starts the
 * notify workflow (its first step cannot resolve the shipment module), and
 * returns quietly when it starts nothing.
 */
const handle = (data: Omit<ShipmentEventData, "id" | "order_id">) =>
  shipmentNotifyCustomerHandler({
    event: { name: "order_ops.shipment.status_changed", data: { id: "ship_1", order_id: "order_1", previous_status: "shipped", ...data } },
    container: {},
    pluginOptions: {},
  } as unknown as SubscriberArgs<ShipmentEventData>)

describe("shipment-notify-customer subscriber", () => {
  it.each([
    ["a move never announced (in transit)", { status: "in_transit", notify_customer: true }],
    ["a canceled shipment", { status: "canceled", notify_customer: true }],
    ["a shipment whose notifications were off when it moved", { status: "out_for_delivery", notify_customer: false }],
    ["an event without a status", { notify_customer: true }],
  ])("starts no workflow for %s", async (_, data) => {
    await expect(handle(data)).resolves.toBeUndefined()
  })

  it.each([
    ["an announced move of a shipment that notifies", { status: "out_for_delivery", notify_customer: true }],
    ["an event from before the switch was carried", { status: "delivered" }],
  ])("starts the notify workflow for %s", async (_, data) => {
    await expect(handle(data)).rejects.toMatchObject({ message: expect.stringMatching(/Could not resolve/) })
  })
})
