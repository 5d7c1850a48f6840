import { moduleIntegrationTestRunner } from "@medusajs/test-utils"
import { MedusaError } from "@medusajs/framework/utils"
import { SHIPMENT_MODULE } from ".."
import { Shipment, ShipmentEvent } from "../models"
import type ShipmentModuleService from "../service"

jest.setTimeout(60 * 1000)

moduleIntegrationTestRunner<ShipmentModuleService>({
  moduleName: SHIPMENT_MODULE,
  resolve: "./src/modules/shipment",
  moduleModels: [Shipment, ShipmentEvent],
  testSuite: ({ service }) => {
    const at = (iso: string) => new Date(iso)
    const newShipment = (point: "local" | "pickup" = "local") =>
      service.createShipments({
        order_id: "order_1",
        shipping_point: point,
        status: "shipped",
        last_event_at: at("2041-01-01T10:00:00Z"),
      })

    describe("ShipmentModuleService.recordShipmentEvent", () => {
      it("applies a new, on-time, legal event and stamps the times", async () => {
        const shipment = await newShipment()
        const result = await service.recordShipmentEvent(
          { shipment_id: shipment.id, status: "delivered", occurred_at: at("2041-01-03T10:00:00Z"), source: "carrier" },
          false
        )
        expect(result).toMatchObject({ applied: true, duplicate: false, shipment: { status: "delivered" } })
        expect(new Date(result.shipment.delivered_at!).toISOString()).toBe("2041-01-03T10:00:00.000Z")
        expect(new Date(result.shipment.last_event_at!).toISOString()).toBe("2041-01-03T10:00:00.000Z")
      })

      it("records a late event without moving the shipment back", async () => {
        const shipment = await newShipment()
        await service.recordShipmentEvent({ shipment_id: shipment.id, status: "out_for_delivery", occurred_at: at("2041-01-03T00:00:00Z") }, false)
        const late = await service.recordShipmentEvent(
          { shipment_id: shipment.id, status: "in_transit", occurred_at: at("2041-01-02T00:00:00Z") },
          false
        )
        expect(late).toMatchObject({ applied: false, reason: "late", shipment: { status: "out_for_delivery" } })
        expect(await service.listShipmentEvents({ shipment_id: shipment.id, applied: false })).toHaveLength(1)
      })

      it("ignores a replayed provider event", async () => {
        const shipment = await newShipment()
        const input = { shipment_id: shipment.id, status: "in_transit" as const, provider_event_id: "evt_1", occurred_at: at("2041-01-02T00:00:00Z") }
        await service.recordShipmentEvent(input, false)
        const again = await service.recordShipmentEvent(input, false)
        expect(again).toMatchObject({ duplicate: true, applied: false })
        expect(await service.listShipmentEvents({ provider_event_id: "evt_1" })).toHaveLength(1)
      })

      it("has a unique index on (shipment, provider event id)", async () => {
        const shipment = await newShipment()
        const row = { shipment_id: shipment.id, status: "in_transit" as const, occurred_at: new Date(), provider_event_id: "evt_dup" }
        await service.createShipmentEvents(row)
        await expect(service.createShipmentEvents(row)).rejects.toThrow()
        // The same carrier id on another shipment is another event.
        const other = await newShipment()
        await expect(service.createShipmentEvents({ ...row, shipment_id: other.id })).resolves.toBeTruthy()
      })

      it("refuses an illegal move when strict, records it unapplied otherwise", async () => {
        const shipment = await newShipment("pickup")
        const error = await service
          .recordShipmentEvent({ shipment_id: shipment.id, status: "in_transit" }, true)
          .catch((e) => e)
        expect(error).toBeInstanceOf(MedusaError)
        expect(error.message).toContain("cannot go from Shipped to In transit (pickup shipment)")
        expect(await service.listShipmentEvents({ shipment_id: shipment.id })).toHaveLength(0)

        const lenient = await service.recordShipmentEvent({ shipment_id: shipment.id, status: "in_transit" }, false)
        expect(lenient).toMatchObject({ applied: false, reason: "illegal_transition" })
      })

      it("reverts an event exactly", async () => {
        const shipment = await newShipment()
        const result = await service.recordShipmentEvent({ shipment_id: shipment.id, status: "canceled" }, true)
        expect(result.shipment.canceled_at).toBeTruthy()
        await service.revertShipmentEvent(result)
        const back = await service.retrieveShipment(shipment.id)
        expect(back).toMatchObject({ status: "shipped", canceled_at: null })
        expect(new Date(back.last_event_at!).toISOString()).toBe("2041-01-01T10:00:00.000Z")
        expect(await service.listShipmentEvents({ shipment_id: shipment.id })).toHaveLength(0)
      })

      it("is a NOT_FOUND for an unknown shipment", async () => {
        const error = await service.recordShipmentEvent({ shipment_id: "shp_missing", status: "shipped" }, true).catch((e) => e)
        expect(error.type).toBe(MedusaError.Types.NOT_FOUND)
      })
    })
  },
})
