import { ORDER_STATUS_SOURCES, staleOrderStatusesQuery } from "../utils/order-status-sources"

describe("staleOrderStatusesQuery", () => {
  it("binds the cursor twice per source (updated_at, deleted_at) and the limit last, one placeholder each", () => {
    const { sql, bindings } = staleOrderStatusesQuery("2041-01-01T00:00:00.000Z", 200)
    expect(bindings).toHaveLength(ORDER_STATUS_SOURCES.length * 2 + 1)
    expect(bindings.at(-1)).toBe(200)
    expect(bindings.slice(0, -1).every((b) => b === "2041-01-01T00:00:00.000Z")).toBe(true)
    expect(sql.match(/\?/g)).toHaveLength(bindings.length)
  })

  it("reads Medusa's order, payment, fulfillment and return tables and ours", () => {
    const names = ORDER_STATUS_SOURCES.map((s) => s.name)
    for (const table of ["order", "order_item", "payment", "capture", "refund", "fulfillment", "return", "shipment", "delivery", "test_order"]) {
      expect(names).toContain(table)
    }
    const { sql } = staleOrderStatusesQuery("-infinity", 10)
    for (const source of ORDER_STATUS_SOURCES) {
      expect(sql).toContain(source.from)
    }
  })

  it("keeps a row computed before its latest source change (or within the commit slack), drafts and deleted orders out", () => {
    const { sql } = staleOrderStatusesQuery("-infinity", 10)
    expect(sql).toContain(`s."id" is null or s."computed_at" < l."source_at" + interval '5 seconds'`)
    expect(sql).toContain(`o."deleted_at" is null and o."is_draft_order" = false`)
    expect(sql).toMatch(/order by l\."source_at", l\."order_id"\s+limit \?$/)
  })
})
