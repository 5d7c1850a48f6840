import fs from "node:fs"
import os from "node:os"
import path from "node:path"
import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import type { MedusaContainer } from "@medusajs/framework/types"
import { type Api, createAdmin, createShippableOrder, createWarehouse } from "../helpers/fixtures"
import { machineDescription, percentile, timeIt, writeBenchmark } from "./stats"

jest.setTimeout(60 * 60 * 1000)

// Label files go through the file module to disk; keep the bench's out of the repo.
const UPLOADS = fs.mkdtempSync(path.join(os.tmpdir(), "order-ops-label-bench-"))
process.env.ORDER_OPS_UPLOAD_DIR = UPLOADS

const WARMUP = 5
const SAMPLES = Number(process.env.BENCH_LABELS || 100)

const FROM = {
  name: "Order Ops Warehouse",
  street1: "215 Clayton St",
  city: "San Francisco",
  state: "CA",
  postal_code: "94117",
  country_code: "US",
  phone: "4155550100",
}
const TO = {
  name: "Ada Lovelace",
  street1: "1 Market St",
  city: "San Francisco",
  state: "CA",
  postal_code: "94105",
  country_code: "US",
  email: "ada@example.com",
}
const BOX = { length: 20, width: 15, height: 10, distance_unit: "cm", weight: 1.2, mass_unit: "kg" }

/**
 * Buying a label (`POST /admin/orders/:id/labels`) from the sandbox carrier,
 * which is offline and answers at once, each on a fresh order, against the
 * manual shipment route (`POST /admin/orders/:id/shipments`, Awaiting
 * shipment: the same core fulfillment creation without a carrier) on an
 * equivalent fresh order, alternating in the same run through the same HTTP
 * stack. Goal: label purchase p95 ≤ 150 ms.
 */
medusaIntegrationTestRunner({
  inApp: true,
  env: { LOG_LEVEL: "error" },
  testSuite: ({ api: rawApi, getContainer }) => {
    const api = rawApi as Api

    afterAll(() => {
      fs.rmSync(UPLOADS, { recursive: true, force: true })
    })

    it("measures label purchase against a manual shipment", async () => {
      const container: MedusaContainer = getContainer()
      const admin = await createAdmin(api, container)
      const warehouse = await createWarehouse(container)

      // Setup, untimed: 2 × (warm-up + samples) fresh orders, and the sandbox's quote for each label order.
      type Prepared = { orderId: string; tee: string; rate: Record<string, unknown> }
      const request = (tee: string) => ({ items: [{ line_item_id: tee, quantity: 2 }], parcels: [BOX], from: FROM, to: TO })
      const total = WARMUP + SAMPLES
      const labelOrders: Prepared[] = []
      const manualOrders: Omit<Prepared, "rate">[] = []
      for (let i = 0; i < total; i++) {
        const forLabel = await createShippableOrder(container, warehouse)
        const tee = forLabel.items.find((item) => item.title === "Tee")!.id
        const rates = await api.post(`/admin/orders/${forLabel.id}/rates`, { carrier: "sandbox", ...request(tee) }, admin)
        expect(rates.data.errors).toEqual([])
        labelOrders.push({ orderId: forLabel.id, tee, rate: rates.data.rates[0] })
        const forManual = await createShippableOrder(container, warehouse)
        manualOrders.push({ orderId: forManual.id, tee: forManual.items.find((item) => item.title === "Tee")!.id })
      }

      let n = 0
      const buyLabel = async (o: Prepared) => {
        const res = await api.post(
          `/admin/orders/${o.orderId}/labels`,
          { ...request(o.tee), carrier: "sandbox", rate: o.rate, idempotency_key: `bench-label-${n++}-${o.orderId}` },
          admin
        )
        expect(res.status).toBe(201)
      }
      const shipManually = async (o: Omit<Prepared, "rate">) => {
        const res = await api.post(
          `/admin/orders/${o.orderId}/shipments`,
          {
            items: [{ line_item_id: o.tee, quantity: 2 }],
            shipping_point: "local",
            mark_shipped: false,
            carrier: "ups",
            tracking_number: `1ZBENCH${String(n++).padStart(10, "0")}`,
          },
          admin
        )
        expect(res.status).toBe(201)
      }

      for (let i = 0; i < WARMUP; i++) {
        await buyLabel(labelOrders[i])
        await shipManually(manualOrders[i])
      }
      const label: number[] = []
      const manual: number[] = []
      for (let i = WARMUP; i < total; i++) {
        // Alternate which goes first so neither always follows the other.
        if (i % 2) {
          label.push(await timeIt(() => buyLabel(labelOrders[i])))
          manual.push(await timeIt(() => shipManually(manualOrders[i])))
        } else {
          manual.push(await timeIt(() => shipManually(manualOrders[i])))
          label.push(await timeIt(() => buyLabel(labelOrders[i])))
        }
      }

      const round = (v: number) => Math.round(v * 10) / 10
      const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length
      const l50 = percentile(label, 50)
      const l95 = percentile(label, 95)
      const m50 = percentile(manual, 50)
      const m95 = percentile(manual, 95)
      writeBenchmark({
        id: "05-label-purchase",
        title: "Label purchase vs manual shipment",
        method:
          `${SAMPLES} label purchases through POST /admin/orders/:id/labels from the sandbox carrier (offline, answers at once; it renders a 4×6 PDF ` +
          "label, which is stored through the file module), each on a fresh order (2 of 3 units of one item, explicit parcel and addresses, the rate " +
          "quoted by POST /admin/orders/:id/rates beforehand, untimed), alternating with the same number of POST /admin/orders/:id/shipments " +
          "(same items, Local, Awaiting shipment: the same core fulfillment creation without the carrier) on equivalent fresh orders, through the full " +
          `HTTP stack with admin bearer auth, after ${WARMUP} warm-up pairs, in one run. The purchase adds the label ledger (idempotency key, lock, ` +
          "claim), the carrier call, the file, the label link and events.",
        goal: "label purchase p95 ≤ 150 ms against a carrier that answers at once",
        met: l95 <= 150,
        table: {
          headers: ["route", "mean (ms)", "p50 (ms)", "p95 (ms)"],
          rows: [
            ["POST /admin/orders/:id/labels (sandbox carrier)", round(mean(label)), round(l50), round(l95)],
            ["POST /admin/orders/:id/shipments (manual, baseline)", round(mean(manual)), round(m50), round(m95)],
            ["overhead (ms)", round(mean(label) - mean(manual)), round(l50 - m50), round(l95 - m95)],
            ["overhead %", round((mean(label) / mean(manual) - 1) * 100), round((l50 / m50 - 1) * 100), round((l95 / m95 - 1) * 100)],
          ],
        },
        measured_at: new Date().toISOString(),
        machine: machineDescription(),
      })
      expect(label).toHaveLength(SAMPLES)
    })
  },
})
