import { licenseCodeLinesProblem, parseLicenseCodeLines } from "../utils/license-code-lines"
import { decideAutoComplete } from "../steps/auto-complete-order"
import { DeliveryMethodRegistry } from "../../../modules/digital-delivery/methods"
import { planInstructions } from "../steps/plan-delivery-instructions"
import type { DeliveryOrder } from "../utils/order-context"
import type { DeliveryDTO } from "../utils/types"

type Row = Pick<DeliveryDTO, "id" | "method" | "status" | "attempts">
type Done = Pick<DeliveryDTO, "line_item_id" | "status">

const NOW = new Date("2041-03-01T12:00:00.000Z")
/** The registry's emailed methods (download, license code). */
const EMAILED = new DeliveryMethodRegistry()
  .list()
  .filter((m) => m.emailed)
  .map((m) => m.code)
const dl = (id: string, method: string, status: string, attempts = 1) => ({ id, method, status, attempts }) as Row

describe("planInstructions", () => {
  it("covers every delivered download and code not emailed yet, in one email", () => {
    const plan = planInstructions("order_1", [dl("d2", "license_code", "delivered"), dl("d1", "download", "delivered"), dl("d3", "rcon", "delivered")], [], NOW, EMAILED)
    expect(plan).toMatchObject({ delivery_ids: ["d1", "d2"], covered_delivery_ids: ["d1", "d2"], defer_until: null })
  })

  it("waits for a sibling still on its first attempt, at most a minute", () => {
    const plan = planInstructions("order_1", [dl("d1", "download", "delivered"), dl("d2", "license_code", "pending", 0)], [], NOW, EMAILED)
    expect(plan.defer_until).toBe("2041-03-01T12:01:00.000Z")
  })

  it("does not wait for a sibling whose attempt already failed once", () => {
    const plan = planInstructions("order_1", [dl("d1", "download", "delivered"), dl("d2", "license_code", "pending", 1)], [], NOW, EMAILED)
    expect(plan).toMatchObject({ delivery_ids: ["d1"], defer_until: null })
  })

  it("sends nothing again for what was emailed, and one key per set of deliveries", () => {
    const again = planInstructions("order_1", [dl("d1", "download", "delivered")], ["d1"], NOW, EMAILED)
    expect(again.delivery_ids).toEqual([])
    const a = planInstructions("order_1", [dl("d1", "download", "delivered")], [], NOW, EMAILED)
    const b = planInstructions("order_1", [dl("d1", "download", "delivered"), dl("d2", "download", "delivered")], [], NOW, EMAILED)
    expect(a.idempotency_key).not.toBe(b.idempotency_key)
    expect(planInstructions("order_1", [dl("d1", "download", "delivered")], [], NOW, EMAILED).idempotency_key).toBe(a.idempotency_key)
  })
})

describe("decideAutoComplete", () => {
  const order = (items: Partial<DeliveryOrder["items"][number]>[], status = "pending"): DeliveryOrder => ({
    id: "order_1",
    display_id: 1,
    email: null,
    status,
    customer_id: null,
    items: items.map((i, n) => ({
      id: `item_${n}`,
      title: "x",
      variant_id: null,
      variant_sku: null,
      quantity: 1,
      requires_shipping: false,
      metadata: null,
      delivered_quantity: 0,
      fulfilled_quantity: 0,
      ...i,
    })),
  })
  const on = { auto_complete: true, fulfill: true }

  it.each<[string, DeliveryOrder, Done[], { auto_complete: boolean; fulfill: boolean }, boolean]>([
    ["off", order([{}]), [{ line_item_id: "item_0", status: "delivered" }], { auto_complete: false, fulfill: true }, false],
    ["no deliveries", order([{}]), [], on, false],
    ["one not delivered", order([{}, {}]), [{ line_item_id: "item_0", status: "delivered" }, { line_item_id: "item_1", status: "pending" }], on, false],
    ["already completed", order([{}], "completed"), [{ line_item_id: "item_0", status: "delivered" }], on, false],
    ["physical item on its way", order([{}, { requires_shipping: true }]), [{ line_item_id: "item_0", status: "delivered" }], on, false],
    ["physical item delivered", order([{}, { requires_shipping: true, delivered_quantity: 1 }]), [{ line_item_id: "item_0", status: "delivered" }], on, true],
    ["all digital delivered", order([{}]), [{ line_item_id: "item_0", status: "delivered" }], on, true],
  ])("%s", (_, o, deliveries, options, complete) => {
    expect(decideAutoComplete(o, deliveries, options).complete).toBe(complete)
  })

  it("fulfills the digital items not fulfilled yet, unless told not to", () => {
    const o = order([{ quantity: 2, fulfilled_quantity: 1 }])
    const deliveries = [{ line_item_id: "item_0", status: "delivered" }] as Done[]
    expect(decideAutoComplete(o, deliveries, on).fulfill_items).toEqual([{ id: "item_0", quantity: 1 }])
    expect(decideAutoComplete(o, deliveries, { auto_complete: true, fulfill: false }).fulfill_items).toEqual([])
  })
})

describe("license code lines", () => {
  it("parses pasted lines and CSV, skipping a header", () => {
    expect(parseLicenseCodeLines('code\n"AAA-1",x\n\n BBB-2 \r\n')).toEqual(["AAA-1", "BBB-2"])
  })
  it("names the line and the length of an over-long code, never the code", () => {
    const problem = licenseCodeLinesProblem(`OK\nSECRET${"Z".repeat(600)}`)
    expect(problem).toBe("codes: code 2 is 606 characters long; a license code may have at most 500")
    expect(problem).not.toContain("SECRET")
    expect(licenseCodeLinesProblem("A\u0000B")).toContain("control character")
    expect(licenseCodeLinesProblem("GOOD-1\nGOOD-2")).toBeNull()
  })
})
