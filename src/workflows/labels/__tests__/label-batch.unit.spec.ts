import { MedusaError } from "@medusajs/framework/utils"
import type { AdminRate } from "../../../types"
import { batchCarriers, chooseBatchRate, labelBatchKey } from "../utils/label-batch"

const rate = (carrier: AdminRate["carrier"], service_code: string, amount: number, estimated_days: number | null): AdminRate => ({
  carrier,
  service_code,
  amount,
  estimated_days,
  rate_id: `${carrier}-${service_code}`,
  provider_shipment_id: "shp",
  carrier_name: carrier,
  service: service_code,
  currency_code: "USD",
  estimated_delivery_at: null,
})

const RATES = [
  rate("shippo", "usps_priority", 9.12, 2),
  rate("shippo", "usps_ground_advantage", 5.82, 5),
  rate("easypost", "Express", 21, 1),
  rate("easypost", "Ground", 5.82, 4),
  rate("sandbox", "ground", 6, 5),
]
const choose = (rule: Parameters<typeof chooseBatchRate>[0]["rule"], rates = RATES, is_test = false) =>
  chooseBatchRate({ order_label: "#7", rates, errors: [], rule, is_test })

describe("label batches", () => {
  it("keys each order's purchase by batch and order", () => {
    expect(labelBatchKey("odjob_1", "order_1")).toBe("label-batch:odjob_1:order_1")
    expect(labelBatchKey("odjob_1", "order_1")).not.toBe(labelBatchKey("odjob_2", "order_1"))
  })

  it("cheapest: the lowest amount, the faster of equal amounts", () => {
    expect(choose({ type: "cheapest" }).rate_id).toBe("easypost-Ground")
  })

  it("fastest: the fewest estimated days, unknown days last, the cheaper of equally fast", () => {
    expect(choose({ type: "fastest" }).rate_id).toBe("easypost-Express")
    const rates = [rate("shippo", "a", 3, null), rate("shippo", "b", 9, 2), rate("shippo", "c", 7, 2)]
    expect(choose({ type: "fastest" }, rates).rate_id).toBe("shippo-c")
  })

  it("service: the cheapest of the services named per carrier, never another service", () => {
    expect(choose({ type: "service", services: { shippo: "usps_priority" } }).rate_id).toBe("shippo-usps_priority")
    expect(choose({ type: "service", services: { shippo: "usps_priority", easypost: "Ground" } }).rate_id).toBe("easypost-Ground")
    expect(() => choose({ type: "service", services: { shippo: "fedex_2day" } })).toThrow(/Order #7: no rate for shippo fedex_2day among 5 quoted/)
  })

  it("service: a test order gets the sandbox's cheapest unless a sandbox service is named", () => {
    const sandbox = [rate("sandbox", "ground", 6, 5), rate("sandbox", "express", 12, 2)]
    expect(choose({ type: "service", services: { shippo: "usps_priority" } }, sandbox, true).rate_id).toBe("sandbox-ground")
    expect(choose({ type: "service", services: { sandbox: "express" } }, sandbox, true).rate_id).toBe("sandbox-express")
  })

  it("names the order and each carrier's error when nothing was quoted", () => {
    let error: unknown
    try {
      chooseBatchRate({ order_label: "#12", rates: [], errors: [{ carrier: "shippo", message: "Shippo returned no rates" }], rule: { type: "cheapest" }, is_test: false })
    } catch (e) {
      error = e
    }
    expect(error).toBeInstanceOf(MedusaError)
    expect((error as MedusaError).type).toBe(MedusaError.Types.INVALID_DATA)
    expect((error as Error).message).toBe("Order #12: no rate (shippo: Shippo returned no rates)")
  })

  it("quotes the chosen carriers for a live order and always the sandbox alone for a test order", () => {
    expect(batchCarriers(["sandbox", "shippo", "easypost"], ["shippo"], false)).toEqual(["shippo"])
    expect(batchCarriers(["sandbox", "shippo", "easypost"], undefined, false)).toEqual(["sandbox", "shippo", "easypost"])
    expect(batchCarriers(["sandbox"], ["shippo"], true)).toEqual(["sandbox"])
    expect(batchCarriers(["sandbox", "shippo"], ["easypost"], false)).toEqual([])
  })
})
