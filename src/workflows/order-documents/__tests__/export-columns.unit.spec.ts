import { Writable } from "node:stream"
import { parse } from "csv-parse/sync"
import {
  EXPORT_COLUMNS,
  exportRows,
  resolveExportColumns,
  toCell,
  type ExportOrder,
} from "../utils/export-columns"
import { exportQuery, ExportParamsSchema, toListQuery } from "../utils/export-params"
import { createExportWriter } from "../utils/export-writer"
import { neutralizeFormula } from "../utils/spreadsheet-safety"

const order: ExportOrder = {
  id: "order_1",
  display_id: 7,
  created_at: new Date(Date.UTC(2041, 4, 6, 7, 8, 9, 10)),
  email: "=cmd|' /C calc'!A0",
  currency_code: "eur",
  total: -12.5,
  subtotal: 10,
  tax_total: 2,
  shipping_total: 4.95,
  discount_total: 0,
  customer_name: "Zoë Ørsted",
  customer_id: "cus_1",
  shipping_address: { first_name: "Zoë", last_name: "Ørsted", address_1: "Kastrupvej 1", city: "København", postal_code: "2300", country_code: "dk", phone: "+45 1234" },
  billing_address: null,
  fulfillment_status: "fulfilled",
  payment_status: "paid",
  is_test: false,
  sales_channel: "Webshop",
  shipments: [
    { status: "in_transit", carrier: "sandbox", tracking_number: "TRK1" },
    { status: "delivered", carrier: "sandbox", tracking_number: "TRK2" },
  ],
  notes_count: 2,
  items: [
    { id: "item_1", title: "Mug", variant_title: "Blue", sku: "-MUG", quantity: 2, unit_price: 5, total: 10 },
    { id: "item_2", title: "Tee", variant_title: null, sku: null, quantity: 1, unit_price: 0, total: 0 },
  ],
}

describe("neutralizeFormula (OWASP CSV injection)", () => {
  it.each(["=1+1", "+1", "-1", "@SUM(A1)", "\t=1", "\r=1"])("prefixes %j with a quote", (value) => {
    expect(neutralizeFormula(value)).toBe(`'${value}`)
  })
  it.each(["Ada", "1-2", "a=b", "", " =1"])("leaves %j alone", (value) => {
    expect(neutralizeFormula(value)).toBe(value)
  })
})

describe("export cells and rows", () => {
  it("writes numbers as numbers (negative ones too), dates as ISO 8601 UTC, booleans as booleans, text inert", () => {
    const col = (key: string) => EXPORT_COLUMNS.find((c) => c.key === key)!
    expect(toCell(col("total"), order.total)).toBe(-12.5)
    expect(toCell(col("created_at"), order.created_at)).toBe("2041-05-06T07:08:09.010Z")
    expect(toCell(col("is_test"), false)).toBe(false)
    expect(toCell(col("email"), order.email)).toBe("'=cmd|' /C calc'!A0")
    expect(toCell(col("email"), null)).toBeNull()
  })

  it("one row per order, or one per line item; line-item columns only in the line-item shape", () => {
    const orderColumns = resolveExportColumns("order")
    expect(orderColumns.some((c) => c.line_item)).toBe(false)
    expect(exportRows(order, "order", orderColumns)).toHaveLength(1)
    const cols = resolveExportColumns("line_item", ["display_id", "item_sku", "item_quantity", "carriers", "tracking_numbers", "currency_code"])
    // Catalogue order, whatever order they were asked in.
    expect(cols.map((c) => c.key)).toEqual(["display_id", "currency_code", "carriers", "tracking_numbers", "item_sku", "item_quantity"])
    expect(exportRows(order, "line_item", cols)).toEqual([
      [7, "EUR", "sandbox", "TRK1, TRK2", "'-MUG", 2],
      [7, "EUR", "sandbox", "TRK1, TRK2", null, 1],
    ])
    expect(exportRows({ ...order, items: [] }, "line_item", cols)).toEqual([[7, "EUR", "sandbox", "TRK1, TRK2", null, null]])
  })
})

describe("export parameters", () => {
  it("reads filters with the list's own validator, dropping paging and stringifying booleans", () => {
    expect(toListQuery({ is_test: true, limit: 5, offset: 10, payment_status: ["paid"] })).toEqual({ is_test: "true", payment_status: ["paid"] })
    const params = ExportParamsSchema.parse({ format: "xlsx", filters: { payment_status: "paid,refunded", order: "created_at" } })
    const query = exportQuery(params)
    expect(query.descending).toBe(false)
    expect(query.filters).toEqual({ payment_status: ["paid", "refunded"], is_test: false })
  })

  it("asks for test orders only when told to", () => {
    expect(exportQuery(ExportParamsSchema.parse({ format: "csv", include_test_orders: true })).filters).toEqual({})
    expect(exportQuery(ExportParamsSchema.parse({ format: "csv", filters: { is_test: true } })).filters).toEqual({ is_test: true })
  })

  it("names the bad filter field", () => {
    const result = ExportParamsSchema.safeParse({ format: "csv", filters: { fulfillment_status: "lost" } })
    expect(result.success).toBe(false)
    expect(result.error!.issues[0].path.slice(0, 2)).toEqual(["filters", "fulfillment_status"])
  })
})

describe("the CSV writer", () => {
  it("streams RFC 4180 CSV with a BOM that a CSV parser reads back", async () => {
    const chunks: Buffer[] = []
    const out = new Writable({
      write(chunk, _enc, done) {
        chunks.push(Buffer.from(chunk))
        done()
      },
    })
    const writer = createExportWriter("csv", out, ["a", "b", "c"])
    await writer.write(["x,y", 1.5, true])
    await writer.write(["line\nbreak \"quoted\"", null, false])
    await writer.finish()
    const text = Buffer.concat(chunks)
    expect(text.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]))
    expect(parse(text, { bom: true, columns: true })).toEqual([
      { a: "x,y", b: "1.5", c: "true" },
      { a: "line\nbreak \"quoted\"", b: "", c: "false" },
    ])
  })
})
