import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import type { MedusaContainer } from "@medusajs/framework/types"
import { ORDER_ACTIVITY_MODULE } from "../../src/modules/order-activity"
import type OrderActivityModuleService from "../../src/modules/order-activity/service"
import { createOrderNoteWorkflow } from "../../src/workflows"
import { type Api, createAdmin, createPlainOrder } from "../helpers/fixtures"
import { machineDescription, percentile, timeIt, writeBenchmark } from "./stats"

jest.setTimeout(15 * 60 * 1000)

const WARMUP = 30
const SAMPLES = Number(process.env.BENCH_SAMPLES || 300)

/**
 * GET /admin/orders/:id/timeline for an order with 50 notes and 50 more
 * activity entries, against core's GET /admin/orders/:id on the same order,
 * through the same HTTP stack in the same run. Requests alternate so both
 * see the same machine load. Goal: timeline p95 ≤ 1.5 × core p95.
 */
medusaIntegrationTestRunner({
  inApp: true,
  env: { LOG_LEVEL: "error" },
  testSuite: ({ api: rawApi, getContainer }) => {
    const api = rawApi as Api

    it("measures the timeline against core's order detail", async () => {
      const container: MedusaContainer = getContainer()
      const admin = await createAdmin(api, container)
      const order = await createPlainOrder(container)
      for (let i = 0; i < 50; i++) {
        await createOrderNoteWorkflow(container).run({
          input: { order_id: order.id, body: `Note ${i}: ${"lorem ipsum ".repeat(10)}`, author_id: admin.userId },
        })
      }
      const activity = container.resolve<OrderActivityModuleService>(ORDER_ACTIVITY_MODULE)
      await activity.createOrderActivities(
        Array.from({ length: 50 }, (_, i) => ({
          order_id: order.id,
          kind: "bench.event",
          actor_type: "system" as const,
          data: { i },
          occurred_at: new Date(Date.now() - i * 60000),
        }))
      )

      const timelineUrl = `/admin/orders/${order.id}/timeline`
      const coreUrl = `/admin/orders/${order.id}`
      const first = await api.get(timelineUrl, admin)
      expect(first.data.count).toBeGreaterThanOrEqual(101)

      for (let i = 0; i < WARMUP; i++) {
        await api.get(timelineUrl, admin)
        await api.get(coreUrl, admin)
      }
      const timeline: number[] = []
      const core: number[] = []
      for (let i = 0; i < SAMPLES; i++) {
        // Alternate which goes first so neither always follows the other.
        if (i % 2) {
          timeline.push(await timeIt(() => api.get(timelineUrl, admin)))
          core.push(await timeIt(() => api.get(coreUrl, admin)))
        } else {
          core.push(await timeIt(() => api.get(coreUrl, admin)))
          timeline.push(await timeIt(() => api.get(timelineUrl, admin)))
        }
      }

      const round = (n: number) => Math.round(n * 100) / 100
      const t50 = percentile(timeline, 50)
      const t95 = percentile(timeline, 95)
      const c50 = percentile(core, 50)
      const c95 = percentile(core, 95)
      const ratio95 = t95 / c95
      writeBenchmark({
        id: "01-order-timeline",
        title: "Order timeline vs core order detail",
        method:
          `${SAMPLES} alternating requests each (after ${WARMUP} warm-up pairs) through the full HTTP stack, admin bearer auth, ` +
          "one order with 50 notes (written by the create-note workflow, so 50 note.created entries) and 50 more activity entries; " +
          "the timeline returns its default page of 20 merged entries, core returns its default order detail.",
        goal: "timeline p95 ≤ 1.5 × core p95",
        met: ratio95 <= 1.5,
        table: {
          headers: ["endpoint", "p50 (ms)", "p95 (ms)"],
          rows: [
            ["GET /admin/orders/:id/timeline", round(t50), round(t95)],
            ["GET /admin/orders/:id (core)", round(c50), round(c95)],
            ["ratio timeline / core", round(t50 / c50), round(ratio95)],
          ],
        },
        measured_at: new Date().toISOString(),
        machine: machineDescription(),
      })
      expect(timeline).toHaveLength(SAMPLES)
    })
  },
})
