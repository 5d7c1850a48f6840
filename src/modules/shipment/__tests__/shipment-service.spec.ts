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

      /** A carrier shipment as a label purchase creates it: Awaiting shipment, its creation stamped with our clock (ms). */
      const freshCarrierShipment = async (createdAt: Date) => {
        const shipment = await service.createShipments({
          order_id: "order_1",
          shipping_point: "local",
          source: "carrier",
          status: "awaiting_shipment",
          last_event_at: createdAt,
        })
        await service.createShipmentEvents({ shipment_id: shipment.id, status: "awaiting_shipment", occurred_at: createdAt, source: "system", applied: true })
        return shipment
      }

      it("moves a fresh shipment on a scan stamped in the second of the purchase, and on one stamped a minute earlier", async () => {
        const bought = at("2041-03-04T10:20:30.750Z")
        const sameSecond = await freshCarrierShipment(bought)
        const first = await service.recordShipmentEvent(
          { shipment_id: sameSecond.id, status: "shipped", occurred_at: at("2041-03-04T10:20:30Z"), source: "carrier", provider_event_id: "scan_1" },
          false
        )
        expect(first).toMatchObject({ applied: true, shipment: { status: "shipped" } })

        const minuteEarlier = await freshCarrierShipment(bought)
        const early = await service.recordShipmentEvent(
          { shipment_id: minuteEarlier.id, status: "in_transit", occurred_at: at("2041-03-04T10:19:00Z"), source: "carrier", provider_event_id: "scan_2" },
          false
        )
        expect(early).toMatchObject({ applied: true, shipment: { status: "in_transit" } })
      })

      it("compares lateness like with like: the newest applied move cut to the new event's precision", async () => {
        const shipment = await freshCarrierShipment(at("2041-03-04T10:00:00.500Z"))
        await service.recordShipmentEvent({ shipment_id: shipment.id, status: "in_transit", occurred_at: at("2041-03-04T12:30:45.600Z") }, false)
        // Same second, carrier precision: on time.
        const sameSecond = await service.recordShipmentEvent({ shipment_id: shipment.id, status: "out_for_delivery", occurred_at: at("2041-03-04T12:30:45Z") }, false)
        expect(sameSecond).toMatchObject({ applied: true })
        // A whole minute before the newest move: late, recorded, not applied.
        const late = await service.recordShipmentEvent({ shipment_id: shipment.id, status: "delivered", occurred_at: at("2041-03-04T12:29:00Z") }, false)
        expect(late).toMatchObject({ applied: false, reason: "late", shipment: { status: "out_for_delivery" } })
      })

      it("applies 50 manual and carrier events for one shipment sent at once in shuffled order one at a time: it ends in the newest state and never moved backwards", async () => {
        const shipment = await freshCarrierShipment(at("2041-05-01T08:00:00.123Z"))
        const base = at("2041-05-01T09:00:00Z").getTime()
        // The parcel's true journey: shipped, 45 transit scans, out for delivery, a failed
        // attempt, out again, delivered — one a minute, carrier times in whole seconds.
        const journey: { status: "shipped" | "in_transit" | "out_for_delivery" | "delivery_failed" | "delivered" }[] = [
          { status: "shipped" },
          ...Array.from({ length: 45 }, () => ({ status: "in_transit" as const })),
          { status: "out_for_delivery" },
          { status: "delivery_failed" },
          { status: "out_for_delivery" },
          { status: "delivered" },
        ]
        const events = journey.map((e, i) => ({
          shipment_id: shipment.id,
          status: e.status,
          occurred_at: new Date(base + i * 60_000),
          // Every third one a person's dated update from the admin, the rest carrier scans.
          source: (i % 3 === 0 ? "manual" : "carrier") as "manual" | "carrier",
          provider_event_id: i % 3 === 0 ? null : `scan_${i}`,
        }))
        // A fixed shuffle (no randomness in tests): a stride through the list.
        const shuffled = events.map((_, i) => events[(i * 17) % events.length])
        expect(new Set(shuffled).size).toBe(50)
        await Promise.allSettled(shuffled.map((e) => service.recordShipmentEvent(e, e.source === "manual")))

        const final = await service.retrieveShipment(shipment.id)
        expect(final.status).toBe("delivered")
        expect(new Date(final.delivered_at!).toISOString()).toBe(new Date(base + 49 * 60_000).toISOString())
        // Applied moves in the order they were applied (ids are time-ordered, written under the row lock):
        // each is no older than the one before, and nothing followed the final one.
        const applied = (await service.listShipmentEvents({ shipment_id: shipment.id, applied: true }, { order: { id: "ASC" } }))
          .filter((e) => e.status !== "awaiting_shipment")
        for (let i = 1; i < applied.length; i++) {
          expect(new Date(applied[i].occurred_at).getTime()).toBeGreaterThanOrEqual(new Date(applied[i - 1].occurred_at).getTime())
        }
        expect(applied[applied.length - 1].status).toBe("delivered")
      })

      it("is a NOT_FOUND for an unknown shipment", async () => {
        const error = await service.recordShipmentEvent({ shipment_id: "shp_missing", status: "shipped" }, true).catch((e) => e)
        expect(error.type).toBe(MedusaError.Types.NOT_FOUND)
      })
    })
  },
})
