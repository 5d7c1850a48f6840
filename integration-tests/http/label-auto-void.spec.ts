import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import type { MedusaContainer } from "@medusajs/framework/types"
import autoVoidUnscannedLabelsJob from "../../src/jobs/auto-void-unscanned-labels"
import { ORDER_ACTIVITY_MODULE } from "../../src/modules/order-activity"
import type OrderActivityModuleService from "../../src/modules/order-activity/service"
import { SHIPMENT_MODULE } from "../../src/modules/shipment"
import type ShipmentModuleService from "../../src/modules/shipment/service"

jest.setTimeout(300 * 1000)
// No scheduled jobs: the test runs the auto-void job itself, at its own clock.
process.env.MEDUSA_WORKER_MODE = "server"
// medusa-config.ts turns `exceptions.auto_void_unscanned_labels` on with this (read when the
// test runner loads the config, before the runner's own `env` is applied). Jest gives each
// spec file its own copy of process.env, so no other spec sees it.
process.env.ORDER_OPS_AUTO_VOID_LABELS = "true"

/** The clock: fixed, far from today. Defaults: not scanned after 3 days, void window 30 days, auto-void 2 days before it closes. */
const NOW = new Date("2041-06-10T12:00:00Z")
const DAY = 24 * 60 * 60 * 1000
const daysAgo = (d: number) => new Date(NOW.getTime() - d * DAY)

medusaIntegrationTestRunner({
  inApp: true,
  env: { LOG_LEVEL: "error" },
  testSuite: ({ getContainer }) => {
    let container: MedusaContainer
    let n = 0
    const shipments = () => container.resolve<ShipmentModuleService>(SHIPMENT_MODULE)
    const activity = () => container.resolve<OrderActivityModuleService>(ORDER_ACTIVITY_MODULE)

    /** A sandbox label bought `age` days before NOW, on a shipment in `status`. */
    const boughtLabel = async (age: number, status = "awaiting_shipment") => {
      const order_id = `order_autovoid_${++n}`
      const shipment = (await shipments().createShipments({ order_id, shipping_point: "local", source: "carrier", status, carrier: "Sandbox" } as never)) as unknown as { id: string }
      const label = (await shipments().createShippingLabels({
        order_id,
        shipment_id: shipment.id,
        carrier: "sandbox",
        carrier_name: "Sandbox",
        rate_id: `rate_sbx_${n}`,
        provider_label_id: `lbl_sbx_autovoid_${n}`,
        provider_shipment_id: `shp_sbx_${n}`,
        tracking_number: `SBXAUTO${n}`,
        idempotency_key: `autovoid-${n}`,
        status: "purchased",
        purchased_at: daysAgo(age),
        amount: 5,
        currency_code: "eur",
      } as never)) as unknown as { id: string }
      return { order_id, shipment_id: shipment.id, label_id: label.id, tracking_number: `SBXAUTO${n}` }
    }

    beforeAll(() => {
      container = getContainer()
    })

    it("voids an unscanned label in the last days of its void window through the Void workflow, and nothing else", async () => {
      const due = await boughtLabel(29) // window closes in 1 day: void it now
      const young = await boughtLabel(21) // in the inbox, but its window is open for 9 more days
      const expired = await boughtLabel(31) // past the window: the carrier would refuse; left for a person
      const scanned = await boughtLabel(29, "in_transit") // the carrier has it: never voided

      const run = await autoVoidUnscannedLabelsJob(container, { now: NOW })
      expect(run).toEqual({ enabled: true, voided: [due.label_id], failed: [] })

      expect(await shipments().retrieveShippingLabel(due.label_id)).toMatchObject({ status: "voided", refund_status: "submitted" })
      expect(await shipments().retrieveShipment(due.shipment_id)).toMatchObject({ status: "canceled" })
      for (const other of [young, expired, scanned]) {
        expect(await shipments().retrieveShippingLabel(other.label_id)).toMatchObject({ status: "purchased", voided_at: null })
      }
      const [entry] = await activity().listOrderActivities({ order_id: due.order_id, kind: "label.voided" })
      expect(entry).toMatchObject({ actor_type: "system", actor_id: null })
      expect(entry.data).toMatchObject({ automatic: true, tracking_number: due.tracking_number })

      // Run again: the voided label is gone from the rule, nothing else is due.
      expect(await autoVoidUnscannedLabelsJob(container, { now: NOW })).toEqual({ enabled: true, voided: [], failed: [] })
      // A week later the young one's window is closing too.
      expect((await autoVoidUnscannedLabelsJob(container, { now: new Date(NOW.getTime() + 7.5 * DAY) })).voided).toEqual([young.label_id])
    })
  },
})
