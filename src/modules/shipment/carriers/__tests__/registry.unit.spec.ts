import { readdirSync, statSync } from "node:fs"
import { join } from "node:path"
import { parsePluginOptions } from "../../../../options"
import { AdminBuyLabel, carrierCode } from "../../../../api/admin/labels/validators"
import { listFulfillmentOptions, parseOptionData } from "../../../../providers/carrier-fulfillment/utils"
import { SHIPMENT_STATUSES } from "../../state-machine"
import {
  assertCarrierCode,
  CARRIER_CODES,
  CARRIER_LABEL_FORMATS,
  CARRIER_NAMES,
  CARRIER_REGISTRY,
  CARRIERS,
  createCarrierClients,
  isTrackingPolled,
  nextTrackingPollAt,
} from "../registry"
import { LABEL_FORMATS } from "../types"

const configured = parsePluginOptions({
  carriers: {
    sandbox: { enabled: true, step_minutes: 3 },
    shippo: { api_key: "shippo_test_x", webhooks: false },
    easypost: { api_key: "EZTKx" },
  },
}).carriers

describe("the carrier registry", () => {
  it("covers every carrier: one entry per code, and one per client folder", () => {
    expect(Object.keys(CARRIER_REGISTRY).sort()).toEqual([...CARRIER_CODES].sort())
    expect(CARRIERS.map((c) => c.code)).toEqual([...CARRIER_CODES])
    const dir = join(__dirname, "..")
    const clientFolders = readdirSync(dir).filter((f) => f !== "__tests__" && statSync(join(dir, f)).isDirectory())
    expect(clientFolders.sort()).toEqual([...CARRIER_CODES].sort())
    for (const entry of CARRIERS) {
      expect(entry.name).toEqual(expect.any(String))
      expect(CARRIER_NAMES[entry.code]).toBe(entry.name)
      expect(entry.label_formats.length).toBeGreaterThan(0)
      for (const format of entry.label_formats) {
        expect(LABEL_FORMATS).toContain(format)
      }
      // Its factory builds its own client when configured.
      const client = entry.createClient(configured)
      expect(client?.code).toBe(entry.code)
      // Its status map only ever answers one of our statuses (or null).
      for (const status of ["pre_transit", "PRE_TRANSIT", "TRANSIT", "in_transit", "delivered", "DELIVERED", "accepted", "nonsense"]) {
        const mapped = entry.mapStatus(status)
        expect(mapped === null || SHIPMENT_STATUSES.includes(mapped)).toBe(true)
      }
      expect(entry.mapStatus("nonsense")).toBeNull()
    }
    expect([...createCarrierClients(configured).keys()]).toEqual([...CARRIER_CODES])
  })

  it("registers the sandbox like any other carrier: offline, polled, its own services and formats", () => {
    const sandbox = CARRIER_REGISTRY.sandbox
    expect(sandbox).toMatchObject({ live: false, tracking: "poll", label_formats: ["PDF", "ZPL"] })
    expect(sandbox.services?.map((s) => s.code)).toEqual(["ground", "express", "overnight"])
    expect(sandbox.mapStatus("accepted")).toBe("shipped")
    expect(isTrackingPolled("sandbox", configured)).toBe(true)
    expect(nextTrackingPollAt("sandbox", configured, new Date("2041-01-01T00:00:00Z")).toISOString()).toBe("2041-01-01T00:03:00.000Z")
  })

  it("answers push or poll from the options: a push carrier with webhooks off is polled hourly", () => {
    expect(isTrackingPolled("shippo", configured)).toBe(true)
    expect(isTrackingPolled("easypost", configured)).toBe(false)
    expect(nextTrackingPollAt("shippo", configured, new Date("2041-01-01T00:00:00Z")).toISOString()).toBe("2041-01-01T01:00:00.000Z")
  })

  it("checks the text carrier column's values", () => {
    expect(() => assertCarrierCode("shippo")).not.toThrow()
    expect(() => assertCarrierCode("fedex")).toThrow('carrier: must be one of sandbox, shippo, easypost (got "fedex")')
    expect(() => assertCarrierCode(null, "data.carrier")).toThrow("data.carrier: must be one of")
  })
})

describe("a registry entry drives the validators", () => {
  const body = (over: Record<string, unknown>) => ({
    items: [{ line_item_id: "li_1", quantity: 1 }],
    rate: {
      rate_id: "rate_1",
      provider_shipment_id: "shp_1",
      carrier_name: "Sandbox",
      service: "Ground",
      service_code: "ground",
      amount: 5,
      currency_code: "USD",
      estimated_days: 5,
      estimated_delivery_at: null,
    },
    ...over,
  })

  it("takes exactly the registered codes", () => {
    for (const code of CARRIER_CODES) {
      expect(carrierCode.safeParse(code).success).toBe(true)
    }
    const unknown = carrierCode.safeParse("fedex")
    expect(unknown.success).toBe(false)
    expect(unknown.error?.issues[0].message).toBe(`carrier must be one of ${CARRIER_CODES.join(", ")}`)
  })

  it("takes a label format only when the carrier's entry prints it", () => {
    expect(CARRIER_LABEL_FORMATS).toEqual(["PDF", "PNG", "ZPL"])
    const png = AdminBuyLabel.safeParse(body({ carrier: "sandbox", label_format: "PNG" }))
    expect(png.success).toBe(false)
    expect(png.error?.issues[0]).toMatchObject({
      path: ["label_format"],
      message: "label_format: Sandbox carrier prints PDF, ZPL labels (got PNG)",
    })
    expect(AdminBuyLabel.safeParse(body({ carrier: "sandbox", label_format: "ZPL" })).success).toBe(true)
    expect(AdminBuyLabel.safeParse(body({ carrier: "shippo", label_format: "PNG" })).success).toBe(true)
  })

  it("builds checkout options from the entries: a fixed service list, else the cheapest rate", () => {
    expect(listFulfillmentOptions(["easypost", "sandbox"]).map((o) => o.id)).toEqual([
      "sandbox:ground",
      "sandbox:express",
      "sandbox:overnight",
      "easypost:cheapest",
    ])
    expect(parseOptionData({ carrier: "easypost", service_code: "Priority" }, ["easypost"]).name).toBe("EasyPost Priority")
    expect(() => parseOptionData({ carrier: "sandbox", service_code: "teleport" }, ["sandbox"])).toThrow(
      "data.service_code: Sandbox carrier offers ground, express, overnight"
    )
  })
})
