import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import type { MedusaContainer } from "@medusajs/framework/types"
import { DIGITAL_DELIVERY_MODULE } from "../../src/modules/digital-delivery"
import type DigitalDeliveryModuleService from "../../src/modules/digital-delivery/service"
import { ORDER_CASE_MODULE } from "../../src/modules/order-case"
import type OrderCaseModuleService from "../../src/modules/order-case/service"
import { ORDER_STATUS_MODULE } from "../../src/modules/order-status"
import type OrderStatusModuleService from "../../src/modules/order-status/service"
import { SHIPMENT_MODULE } from "../../src/modules/shipment"
import type ShipmentModuleService from "../../src/modules/shipment/service"
import {
  DEFAULT_EXCEPTION_THRESHOLDS,
  type ExceptionKind,
  type ExceptionThresholds,
  exceptionThresholdsFromOptions,
  listOrderExceptions,
  type RawRunner,
} from "../../src/workflows/order-case/utils/exception-rules"
import { type Api, createAdmin, type Headers, settle } from "../helpers/fixtures"

jest.setTimeout(300 * 1000)

/** The clock the rules are asked at: fixed, far from today. Thresholds are the defaults (3 d, 48 h, 14 d, 3 d). */
const NOW = new Date("2041-06-10T12:00:00Z")
const DAY = 24 * 60 * 60 * 1000
const before = (ms: number) => new Date(NOW.getTime() - ms)

medusaIntegrationTestRunner({
  inApp: true,
  env: {},
  testSuite: ({ api: rawApi, getContainer }) => {
    const api = rawApi as Api
    let container: MedusaContainer
    let admin: Headers & { userId: string }
    let n = 0

    const shipments = () => container.resolve<ShipmentModuleService>(SHIPMENT_MODULE)
    const deliveries = () => container.resolve<DigitalDeliveryModuleService>(DIGITAL_DELIVERY_MODULE)
    const cases = () => container.resolve<OrderCaseModuleService>(ORDER_CASE_MODULE)
    const statuses = () => container.resolve<OrderStatusModuleService>(ORDER_STATUS_MODULE)
    const inbox = async (kind?: ExceptionKind, thresholds: ExceptionThresholds = DEFAULT_EXCEPTION_THRESHOLDS) =>
      listOrderExceptions(container.resolve(ContainerRegistrationKeys.PG_CONNECTION) as unknown as RawRunner, {
        kind,
        limit: 200,
        offset: 0,
        now: NOW,
        thresholds,
      })
    const orderIdsOf = async (kind: ExceptionKind, thresholds?: ExceptionThresholds) =>
      (await inbox(kind, thresholds)).exceptions.map((e) => e.order_id).sort()
    const orderId = (name: string) => `order_${name}_${++n}`

    const shipment = (order_id: string, status: string) =>
      shipments().createShipments({ order_id, shipping_point: "local", source: "carrier", status } as never) as unknown as Promise<{ id: string }>
    const label = (order_id: string, extra: Record<string, unknown>) =>
      shipments().createShippingLabels({
        order_id,
        carrier: "sandbox",
        rate_id: "rate_x",
        idempotency_key: `key-${order_id}`,
        tracking_number: "SBX1",
        ...extra,
      } as never)
    const delivery = (order_id: string, extra: Record<string, unknown>) =>
      deliveries().createDeliveries({
        order_id,
        line_item_id: `item_${order_id}`,
        method: "rcon",
        title: "VIP",
        quantity: 1,
        idempotency_key: `dk-${order_id}`,
        ...extra,
      } as never) as unknown as Promise<{ id: string }>

    beforeAll(async () => {
      container = getContainer()
      admin = await createAdmin(api, container)
    })

    it("label bought and not scanned after 3 days: 3 days and a minute matches, 2 days 23 h does not, a scanned one does not", async () => {
      const [hit, miss, scanned] = [orderId("lbl_hit"), orderId("lbl_miss"), orderId("lbl_scanned")]
      for (const [o, age, status] of [[hit, 3 * DAY + 60_000, "awaiting_shipment"], [miss, 3 * DAY - 3600_000, "awaiting_shipment"], [scanned, 10 * DAY, "in_transit"]] as const) {
        const s = await shipment(o, status)
        await label(o, { shipment_id: s.id, status: "purchased", purchased_at: before(age) })
      }
      expect(await orderIdsOf("label_not_scanned")).toEqual([hit])
    })

    it("shipment in delivery failed matches; one back in transit does not", async () => {
      const [hit, miss] = [orderId("ship_hit"), orderId("ship_miss")]
      await shipment(hit, "delivery_failed")
      await shipment(miss, "in_transit")
      expect(await orderIdsOf("shipment_delivery_failed")).toEqual([hit])
    })

    it("digital delivery failed or outcome unknown matches; pending and delivered do not", async () => {
      const [failed, unknown, pending, delivered] = ["dl_failed", "dl_unknown", "dl_pending", "dl_delivered"].map(orderId)
      await delivery(failed, { status: "failed" })
      await delivery(unknown, { status: "pending", outcome_unknown: true })
      await delivery(pending, { status: "pending" })
      await delivery(delivered, { status: "delivered", outcome_unknown: true })
      expect(await orderIdsOf("delivery_failed")).toEqual([failed])
      expect(await orderIdsOf("delivery_outcome_unknown")).toEqual([unknown])
    })

    it("revoke failed matches; a revoke that succeeded does not, nor one whose newest revoke attempt succeeded", async () => {
      const [hit, miss, retried] = [orderId("rv_hit"), orderId("rv_miss"), orderId("rv_retried")]
      const d1 = await delivery(hit, { status: "delivered" })
      const d2 = await delivery(miss, { status: "revoked" })
      const d3 = await delivery(retried, { status: "delivered" })
      await deliveries().createDeliveryAttempts([
        { delivery_id: d1.id, kind: "revoke", attempt: 2, outcome: "failed", message: "RCON refused" },
        { delivery_id: d2.id, kind: "revoke", attempt: 2, outcome: "delivered", message: "ok" },
        { delivery_id: d3.id, kind: "revoke", attempt: 2, outcome: "failed", message: "RCON refused", created_at: before(2 * DAY) },
        { delivery_id: d3.id, kind: "revoke", attempt: 3, outcome: "delivered", message: "ok", created_at: before(DAY) },
      ] as never)
      expect(await orderIdsOf("revoke_failed")).toEqual([hit])
    })

    it("paid and not fulfilled after 48 h matches; 47 h, fulfilled and test orders do not", async () => {
      const row = (order_id: string, hoursAgo: number, extra: Record<string, unknown> = {}) => ({
        order_id,
        display_id: ++n,
        currency_code: "eur",
        total: 10,
        fulfillment_status: "unfulfilled",
        payment_status: "paid",
        order_created_at: before(hoursAgo * 3600_000),
        computed_at: NOW,
        ...extra,
      })
      const [hit, young, fulfilled, test] = ["pnf_hit", "pnf_young", "pnf_fulfilled", "pnf_test"].map(orderId)
      await statuses().createOrderStatusRows([
        row(hit, 49),
        row(young, 47),
        row(fulfilled, 100, { fulfillment_status: "fulfilled" }),
        row(test, 100, { is_test: true }),
      ] as never)
      expect(await orderIdsOf("paid_not_fulfilled")).toEqual([hit])
    })

    it("paid and not fulfilled per shipping option type: express after 12 h, every other type after the default 48 h", async () => {
      const thresholds = exceptionThresholdsFromOptions({ paid_unfulfilled_hours: { default: 48, express: 12 } })
      const row = (order_id: string, hoursAgo: number, type: string | null) => ({
        order_id,
        display_id: ++n,
        currency_code: "eur",
        total: 10,
        fulfillment_status: "unfulfilled",
        payment_status: "paid",
        order_created_at: before(hoursAgo * 3600_000),
        computed_at: NOW,
        shipping_option_type: type,
      })
      const [express13, express11, standard13, standard49, untyped49] = ["sla_x13", "sla_x11", "sla_s13", "sla_s49", "sla_u49"].map(orderId)
      await statuses().createOrderStatusRows([
        row(express13, 13, "express"),
        row(express11, 11, "express"),
        row(standard13, 13, "standard"),
        row(standard49, 49, "standard"),
        row(untyped49, 49, null),
      ] as never)
      // Same age (13 h), different types: express is late, standard is not.
      expect(await orderIdsOf("paid_not_fulfilled", thresholds)).toEqual([express13, standard49, untyped49].sort())
      const rows = (await inbox("paid_not_fulfilled", thresholds)).exceptions
      expect(rows.find((r) => r.order_id === express13)!.detail).toBe("express")
      // Without the map, express waits 48 h like every other type.
      expect(await orderIdsOf("paid_not_fulfilled")).toEqual([standard49, untyped49].sort())
    })

    it("label refund pending after 14 days or rejected matches; pending 13 days does not", async () => {
      const [old, rejected, young] = ["rf_old", "rf_rejected", "rf_young"].map(orderId)
      await label(old, { status: "voided", refund_status: "pending", voided_at: before(15 * DAY) })
      await label(rejected, { status: "voided", refund_status: "rejected", voided_at: before(DAY) })
      await label(young, { status: "voided", refund_status: "pending", voided_at: before(13 * DAY) })
      expect(await orderIdsOf("label_refund_pending")).toEqual([old])
      expect(await orderIdsOf("label_refund_rejected")).toEqual([rejected])
    })

    it("a dispute needing a response matches, nearest due date first; one under review does not", async () => {
      const [later, sooner, review] = ["dp_later", "dp_sooner", "dp_review"].map(orderId)
      const dispute = (order_id: string, status: string, due: string) =>
        cases().createDisputes({ order_id, amount: 10, currency_code: "eur", reason: "fraudulent", status, opened_at: before(DAY), evidence_due_by: new Date(due) } as never)
      await dispute(later, "needs_response", "2041-06-20T00:00:00Z")
      await dispute(sooner, "needs_response", "2041-06-12T00:00:00Z")
      await dispute(review, "under_review", "2041-06-11T00:00:00Z")
      expect((await inbox("dispute_needs_response")).exceptions.map((e) => e.order_id)).toEqual([sooner, later])
    })

    it("on hold longer than 3 days matches; 2 days and released holds do not", async () => {
      const [hit, young, released] = ["hold_hit", "hold_young", "hold_released"].map(orderId)
      await cases().createOrderHolds([
        { order_id: hit, reason: "high_risk", placed_at: before(4 * DAY) },
        { order_id: young, reason: "high_risk", placed_at: before(2 * DAY) },
        { order_id: released, reason: "other", placed_at: before(9 * DAY), released_at: before(DAY) },
      ] as never)
      expect(await orderIdsOf("long_hold")).toEqual([hit])
    })

    it("GET /admin/order-ops/exceptions answers rows with counts per rule, validates its query and needs an admin", async () => {
      await shipment(orderId("route"), "delivery_failed")
      const res = await api.get("/admin/order-ops/exceptions?rule=shipment_delivery_failed", admin)
      expect(res.data.count).toBe(1)
      expect(res.data.exceptions[0]).toMatchObject({ rule: "shipment_delivery_failed" })
      expect(res.data.counts).toMatchObject({ shipment_delivery_failed: 1, long_hold: 0 })
      // A page past the end: no rows, the counts still there.
      const past = await api.get("/admin/order-ops/exceptions?rule=shipment_delivery_failed&offset=5", admin)
      expect(past.data.exceptions).toEqual([])
      expect(past.data.count).toBe(1)
      expect(past.data.counts).toMatchObject({ shipment_delivery_failed: 1 })
      const bad = await settle(api.get("/admin/order-ops/exceptions?rule=nope", admin))
      expect(bad.status).toBe(400)
      expect(bad.data.message).toContain("rule")
      expect((await settle(api.get("/admin/order-ops/exceptions"))).status).toBe(401)
    })
  },
})
