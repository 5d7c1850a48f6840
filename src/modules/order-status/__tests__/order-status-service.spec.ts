import { moduleIntegrationTestRunner } from "@medusajs/test-utils"
import { ORDER_STATUS_MODULE } from ".."
import { OrderStatusHealCursor, OrderStatusRow } from "../models"
import type OrderStatusModuleService from "../service"
import type { UpsertOrderStatusDTO } from "../../../types"

jest.setTimeout(60 * 1000)

const row = (order_id: string, overrides: Partial<UpsertOrderStatusDTO> = {}): UpsertOrderStatusDTO => ({
  order_id,
  display_id: Number(order_id.replace(/\D/g, "")) || 1,
  email: `${order_id}@example.com`,
  customer_id: null,
  customer_name: "Ada Lovelace",
  currency_code: "eur",
  total: 10,
  fulfillment_status: "unfulfilled",
  payment_status: "in_progress",
  item_count: 1,
  shipment_count: 0,
  shipment_statuses: [],
  order_created_at: new Date("2041-01-01T00:00:00.000Z"),
  canceled_at: null,
  computed_at: new Date("2041-01-01T00:00:01.000Z"),
  ...overrides,
})

moduleIntegrationTestRunner<OrderStatusModuleService>({
  moduleName: ORDER_STATUS_MODULE,
  resolve: "./src/modules/order-status",
  moduleModels: [OrderStatusRow, OrderStatusHealCursor],
  testSuite: ({ service }) => {
    describe("OrderStatusModuleService", () => {
      it("creates a row per order on first upsert, with an ostat id", async () => {
        const result = await service.upsertOrderStatuses([row("order_1"), row("order_2")])
        expect(result.previous).toEqual([])
        expect(result.created_ids).toHaveLength(2)
        expect(result.rows.map((r) => r.id).every((id) => id.startsWith("ostat_"))).toBe(true)
        expect(result.rows.find((r) => r.order_id === "order_1")).toMatchObject({
          fulfillment_status: "unfulfilled",
          payment_status: "in_progress",
          is_test: false,
          total: 10,
          shipment_statuses: [],
        })
      })

      it("updates the order's row on the next upsert and returns what it replaced", async () => {
        const first = await service.upsertOrderStatuses([row("order_1")])
        const second = await service.upsertOrderStatuses([
          row("order_1", { fulfillment_status: "fulfilled", payment_status: "paid", shipment_count: 1, shipment_statuses: ["in_transit"] }),
          row("order_3"),
        ])
        expect(second.created_ids).toHaveLength(1)
        expect(second.previous).toHaveLength(1)
        expect(second.previous[0]).toMatchObject({ id: first.rows[0].id, fulfillment_status: "unfulfilled" })
        const updated = second.rows.find((r) => r.order_id === "order_1")!
        expect(updated).toMatchObject({
          id: first.rows[0].id,
          fulfillment_status: "fulfilled",
          payment_status: "paid",
          shipment_statuses: ["in_transit"],
        })
        expect(await service.listOrderStatusRows({ order_id: "order_1" })).toHaveLength(1)
      })

      it("keeps a test flag a recompute does not mention", async () => {
        await service.upsertOrderStatuses([row("order_t", { is_test: true })])
        const { rows } = await service.upsertOrderStatuses([row("order_t", { payment_status: "paid" })])
        expect(rows[0]).toMatchObject({ is_test: true, payment_status: "paid" })
      })

      it("writes an order once when one call carries it twice (the last wins)", async () => {
        const { rows } = await service.upsertOrderStatuses([
          row("order_d", { payment_status: "unpaid" }),
          row("order_d", { payment_status: "paid" }),
        ])
        expect(rows).toHaveLength(1)
        expect(rows[0].payment_status).toBe("paid")
      })

      it("never lets an older computation overwrite a newer one, whatever order they finish in", async () => {
        const at = (s: number) => new Date(Date.UTC(2041, 0, 1, 0, 0, s))
        await service.upsertOrderStatuses([row("order_g", { payment_status: "paid", computed_at: at(20) })])
        const late = await service.upsertOrderStatuses([row("order_g", { payment_status: "unpaid", computed_at: at(10) })])
        expect(late.skipped_order_ids).toEqual(["order_g"])
        expect(late.created_ids).toEqual([])
        expect(late.rows[0]).toMatchObject({ payment_status: "paid" })
        expect(new Date(late.rows[0].computed_at).toISOString()).toBe(at(20).toISOString())

        const newer = await service.upsertOrderStatuses([row("order_g", { payment_status: "refunded", computed_at: at(30) })])
        expect(newer.skipped_order_ids).toEqual([])
        expect(newer.rows[0]).toMatchObject({ payment_status: "refunded" })
      })

      it("ends with the latest computation when many connections write one order at once, the first inserts included", async () => {
        const at = (ms: number) => new Date(Date.UTC(2041, 0, 1) + ms)
        const statuses = ["unpaid", "in_progress", "partially_paid", "paid"] as const
        // 40 writes of two orders, each on its own pooled connection, finishing in any order.
        const writes = Array.from({ length: 40 }, (_, i) =>
          service.upsertOrderStatuses([
            row(i % 2 ? "order_c1" : "order_c2", { payment_status: statuses[i % 4], total: i, computed_at: at(i * 7 % 40) }),
          ])
        )
        const results = await Promise.all(writes)
        expect(results.flatMap((r) => r.created_ids)).toHaveLength(2)
        const rows = await service.listOrderStatusRows({ order_id: ["order_c1", "order_c2"] })
        expect(rows).toHaveLength(2)
        // The write with the greatest computed_at per order: i*7 % 40 == 39 → i = 17 (odd, order_c1); == 38 → i = 34 (even, order_c2).
        const byOrder = Object.fromEntries(rows.map((r) => [r.order_id, r]))
        expect(byOrder.order_c1).toMatchObject({ total: 17, payment_status: statuses[17 % 4] })
        expect(byOrder.order_c2).toMatchObject({ total: 34, payment_status: statuses[34 % 4] })
      })

      it("reports exactly the row each write replaced when writes of one order race: the replaced rows form one chain", async () => {
        const at = (ms: number) => new Date(Date.UTC(2041, 0, 2) + ms)
        await service.upsertOrderStatuses([row("order_chain", { total: -1, computed_at: at(0) })])
        // 30 writes with increasing computed_at, started at once on pooled connections.
        const results = await Promise.all(
          Array.from({ length: 30 }, (_, i) => service.upsertOrderStatuses([row("order_chain", { total: i, computed_at: at(i + 1) })]))
        )
        const replaced = results.flatMap((r) => r.previous.map((p) => Number(p.total)))
        const writers = results.flatMap((r, i) => (r.skipped_order_ids.length ? [] : [i]))
        // Every row written was replaced by at most one later write, and the first row exactly once.
        expect(new Set(replaced).size).toBe(replaced.length)
        expect(replaced.length).toBe(writers.length)
        expect(replaced).toContain(-1)
        const [final] = await service.listOrderStatusRows({ order_id: "order_chain" })
        expect(Number(final.total)).toBe(29)
        // Each write's previous is a row some other write (or the first) left: never one already replaced.
        for (const total of replaced) {
          expect([-1, ...writers]).toContain(total)
        }
        expect(replaced).not.toContain(29)
      })

      it("undoes its own write only: a row a later computation rewrote stays", async () => {
        const at = (s: number) => new Date(Date.UTC(2041, 0, 1, 0, 0, s))
        await service.upsertOrderStatuses([row("order_r", { payment_status: "unpaid", computed_at: at(1) })])
        const ours = await service.upsertOrderStatuses([row("order_r", { payment_status: "paid", computed_at: at(2) })])
        const created = await service.upsertOrderStatuses([row("order_n", { computed_at: at(2) })])
        await service.restoreOrderStatuses({
          previous: ours.previous,
          created_ids: created.created_ids,
          computed_at: { order_r: at(2).toISOString(), order_n: at(2).toISOString() },
        })
        const [restored] = await service.listOrderStatusRows({ order_id: "order_r" })
        expect(restored).toMatchObject({ payment_status: "unpaid" })
        expect(await service.listOrderStatusRows({ order_id: "order_n" })).toHaveLength(0)

        const again = await service.upsertOrderStatuses([row("order_r", { payment_status: "paid", computed_at: at(3) })])
        await service.upsertOrderStatuses([row("order_r", { payment_status: "refunded", computed_at: at(4) })])
        await service.restoreOrderStatuses({ previous: again.previous, created_ids: [], computed_at: { order_r: at(3).toISOString() } })
        const [kept] = await service.listOrderStatusRows({ order_id: "order_r" })
        expect(kept).toMatchObject({ payment_status: "refunded" })
      })

      it("writes a delivery status alone, guarded both ways against full computations by when each began", async () => {
        const at = (s: number) => new Date(Date.UTC(2041, 0, 1, 0, 0, s)).toISOString()
        await service.upsertOrderStatuses([row("order_ds", { delivery_status: "pending", computed_at: new Date(at(2)) })])
        const current = async () => (await service.listOrderStatusRows({ order_id: "order_ds" }))[0]

        // Deliveries read before the full computation began: that computation saw at least as much.
        expect((await service.writeDeliveryStatuses([{ order_id: "order_ds", delivery_status: "failed" }], at(1))).previous).toEqual([])
        expect(await current()).toMatchObject({ delivery_status: "pending" })

        // Read after it: written, with what it replaced; an order without a row is left alone.
        const written = await service.writeDeliveryStatuses(
          [
            { order_id: "order_ds", delivery_status: "delivered" },
            { order_id: "order_no_row", delivery_status: "delivered" },
          ],
          at(4)
        )
        expect(written.previous).toEqual([{ order_id: "order_ds", delivery_status: "pending", delivery_status_at: null }])
        expect(await current()).toMatchObject({ delivery_status: "delivered" })
        expect(await service.listOrderStatusRows({ order_id: "order_no_row" })).toHaveLength(0)

        // A full computation that began before the delivery status was written keeps it, and writes the rest.
        await service.upsertOrderStatuses([row("order_ds", { delivery_status: "pending", payment_status: "paid", computed_at: new Date(at(3)) })])
        expect(await current()).toMatchObject({ delivery_status: "delivered", payment_status: "paid" })
        // An older delivery status computation loses to the newer one.
        expect((await service.writeDeliveryStatuses([{ order_id: "order_ds", delivery_status: "pending" }], at(3))).previous).toEqual([])
        // A full computation that began after it replaces it.
        await service.upsertOrderStatuses([row("order_ds", { delivery_status: "revoked", computed_at: new Date(at(5)) })])
        expect(await current()).toMatchObject({ delivery_status: "revoked" })
      })

      it("undoes a delivery status it wrote, unless a later computation wrote it since", async () => {
        const at = (s: number) => new Date(Date.UTC(2041, 0, 1, 0, 0, s)).toISOString()
        await service.upsertOrderStatuses([
          row("order_du", { delivery_status: "pending", computed_at: new Date(at(1)) }),
          row("order_dk", { delivery_status: "pending", computed_at: new Date(at(1)) }),
        ])
        const ours = await service.writeDeliveryStatuses(
          [
            { order_id: "order_du", delivery_status: "delivered" },
            { order_id: "order_dk", delivery_status: "delivered" },
          ],
          at(2)
        )
        await service.writeDeliveryStatuses([{ order_id: "order_dk", delivery_status: "failed" }], at(3))
        await service.restoreDeliveryStatuses(ours.previous, at(2))
        const rows = await service.listOrderStatusRows({ order_id: ["order_du", "order_dk"] })
        expect(Object.fromEntries(rows.map((r) => [r.order_id, r.delivery_status]))).toEqual({ order_du: "pending", order_dk: "failed" })
      })

      it("writes shipment statuses alone, guarded both ways like the delivery status, and names orders without a row", async () => {
        const at = (s: number) => new Date(Date.UTC(2041, 0, 1, 0, 0, s)).toISOString()
        await service.upsertOrderStatuses([
          row("order_ss", { shipment_count: 2, shipment_statuses: ["shipped", "shipped"], fulfillment_status: "fulfilled", computed_at: new Date(at(2)) }),
        ])
        const current = async () => (await service.listOrderStatusRows({ order_id: "order_ss" }))[0]

        // Shipments read before the full computation began: that computation saw at least as much.
        const stale = await service.writeShipmentStatuses([{ order_id: "order_ss", shipment_statuses: ["in_transit", "shipped"] }], at(1))
        expect(stale).toEqual({ previous: [], missing_order_ids: [] })
        expect((await current()).shipment_statuses).toEqual(["shipped", "shipped"])

        // Read after it: written, with what it replaced; an order without a row is named, not written.
        const written = await service.writeShipmentStatuses(
          [
            { order_id: "order_ss", shipment_statuses: ["in_transit", "out_for_delivery"] },
            { order_id: "order_ss_no_row", shipment_statuses: ["in_transit"] },
          ],
          at(4)
        )
        expect(written).toEqual({
          previous: [{ order_id: "order_ss", shipment_statuses: ["shipped", "shipped"], shipment_statuses_at: null }],
          missing_order_ids: ["order_ss_no_row"],
        })
        expect(await current()).toMatchObject({ shipment_statuses: ["in_transit", "out_for_delivery"], fulfillment_status: "fulfilled" })
        expect(await service.listOrderStatusRows({ order_id: "order_ss_no_row" })).toHaveLength(0)

        // A full computation that began before keeps the newer shipment statuses and writes the rest.
        await service.upsertOrderStatuses([
          row("order_ss", { shipment_count: 2, shipment_statuses: ["shipped", "shipped"], payment_status: "paid", fulfillment_status: "fulfilled", computed_at: new Date(at(3)) }),
        ])
        expect(await current()).toMatchObject({ shipment_statuses: ["in_transit", "out_for_delivery"], payment_status: "paid" })
        // An older write of the shipment statuses alone loses to the newer one.
        expect((await service.writeShipmentStatuses([{ order_id: "order_ss", shipment_statuses: ["shipped", "in_transit"] }], at(3))).previous).toEqual([])
        // The delivery status written alone is not touched by it, nor it by that.
        await service.writeDeliveryStatuses([{ order_id: "order_ss", delivery_status: "delivered" }], at(5))
        expect(await current()).toMatchObject({ shipment_statuses: ["in_transit", "out_for_delivery"], delivery_status: "delivered" })
        // A full computation that began after it replaces it.
        await service.upsertOrderStatuses([
          row("order_ss", { shipment_count: 2, shipment_statuses: ["delivered", "delivered"], fulfillment_status: "delivered", delivery_status: "delivered", computed_at: new Date(at(6)) }),
        ])
        expect(await current()).toMatchObject({ shipment_statuses: ["delivered", "delivered"], fulfillment_status: "delivered" })
      })

      it("undoes shipment statuses it wrote, unless a later computation wrote them since", async () => {
        const at = (s: number) => new Date(Date.UTC(2041, 0, 1, 0, 0, s)).toISOString()
        await service.upsertOrderStatuses([
          row("order_su", { shipment_count: 1, shipment_statuses: ["shipped"], computed_at: new Date(at(1)) }),
          row("order_sk", { shipment_count: 1, shipment_statuses: ["shipped"], computed_at: new Date(at(1)) }),
        ])
        const ours = await service.writeShipmentStatuses(
          [
            { order_id: "order_su", shipment_statuses: ["in_transit"] },
            { order_id: "order_sk", shipment_statuses: ["in_transit"] },
          ],
          at(2)
        )
        await service.writeShipmentStatuses([{ order_id: "order_sk", shipment_statuses: ["out_for_delivery"] }], at(3))
        await service.restoreShipmentStatuses(ours.previous, at(2))
        const rows = await service.listOrderStatusRows({ order_id: ["order_su", "order_sk"] })
        expect(Object.fromEntries(rows.map((r) => [r.order_id, r.shipment_statuses]))).toEqual({ order_su: ["shipped"], order_sk: ["out_for_delivery"] })
      })

      it("keeps the heal cursor in the database and never moves it back", async () => {
        expect(await service.getHealCursor()).toEqual({ cursor: null, last_run_at: null, last_count: 0, full_scan_at: null })
        await service.saveHealCursor({ cursor: new Date("2041-02-01T00:00:00Z"), count: 3 })
        await service.saveHealCursor({ cursor: new Date("2041-01-01T00:00:00Z"), count: 1, full_scan_at: new Date("2041-01-01T00:00:00Z") })
        await service.saveHealCursor({ count: 2 })
        const cursor = await service.getHealCursor()
        expect(cursor.full_scan_at?.toISOString()).toBe("2041-01-01T00:00:00.000Z")
        expect(cursor.cursor?.toISOString()).toBe("2041-02-01T00:00:00.000Z")
        expect(cursor.last_count).toBe(2)
        expect(cursor.last_run_at).toBeInstanceOf(Date)
      })

      it("refuses a second row for the same order (unique order_id)", async () => {
        await service.createOrderStatusRows([row("order_u")])
        const error = await service.createOrderStatusRows([row("order_u")]).catch((e) => e)
        expect(error).toBeInstanceOf(Error)
        expect(await service.listOrderStatusRows({ order_id: "order_u" })).toHaveLength(1)
      })

      it("refuses a status outside the enum", async () => {
        const error = await service
          .upsertOrderStatuses([
            // Not a status: the database check must refuse it.
            row("order_x", { fulfillment_status: "lost" as UpsertOrderStatusDTO["fulfillment_status"] }),
          ])
          .catch((e) => e)
        expect(error).toBeInstanceOf(Error)
        expect(await service.listOrderStatusRows({ order_id: "order_x" })).toHaveLength(0)
      })

      it("sorts totals as numbers and filters statuses, dates and text in SQL", async () => {
        await service.upsertOrderStatuses([
          row("order_a", { total: 9, fulfillment_status: "delivered", order_created_at: new Date("2041-01-01") }),
          row("order_b", { total: 100, fulfillment_status: "delivered", order_created_at: new Date("2041-01-02") }),
          row("order_c", { total: 10.5, fulfillment_status: "returned", order_created_at: new Date("2041-01-03"), customer_name: "Marie Curie" }),
          row("order_e", { total: 20, fulfillment_status: "unfulfilled", order_created_at: new Date("2041-01-04") }),
        ])
        const [byTotal] = await service.listAndCountOrderStatusRows({}, { order: { total: "ASC" } })
        expect(byTotal.map((r) => Number(r.total))).toEqual([9, 10.5, 20, 100])

        const [delivered, count] = await service.listAndCountOrderStatusRows(
          { fulfillment_status: ["delivered", "returned"] },
          { order: { order_created_at: "DESC" }, take: 2 }
        )
        expect(count).toBe(3)
        expect(delivered.map((r) => r.order_id)).toEqual(["order_c", "order_b"])

        const inRange = await service.listOrderStatusRows({
          order_created_at: { $gte: new Date("2041-01-02"), $lte: new Date("2041-01-03") },
        })
        expect(inRange.map((r) => r.order_id).sort()).toEqual(["order_b", "order_c"])

        const byName = await service.listOrderStatusRows({ $or: [{ customer_name: { $ilike: "%curie%" } }] })
        expect(byName.map((r) => r.order_id)).toEqual(["order_c"])
      })
    })
  },
})
