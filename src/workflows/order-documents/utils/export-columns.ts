import { neutralizeFormula } from "./spreadsheet-safety"

/** What an export row is: one per order, or one per line item. */
export const EXPORT_SHAPES = ["order", "line_item"] as const
export type ExportShape = (typeof EXPORT_SHAPES)[number]

export const EXPORT_FORMATS = ["csv", "xlsx"] as const
export type ExportFormat = (typeof EXPORT_FORMATS)[number]

type Address = {
  first_name?: string | null
  last_name?: string | null
  company?: string | null
  address_1?: string | null
  address_2?: string | null
  city?: string | null
  postal_code?: string | null
  province?: string | null
  country_code?: string | null
  phone?: string | null
} | null

/** One order as the export reads it (Query's order plus our own tables). */
export type ExportOrder = {
  id: string
  display_id: number
  created_at: Date | string
  email: string | null
  currency_code: string
  total: number
  subtotal: number
  tax_total: number
  shipping_total: number
  discount_total: number
  customer_name: string | null
  customer_id: string | null
  shipping_address: Address
  billing_address: Address
  fulfillment_status: string
  payment_status: string
  is_test: boolean
  sales_channel: string | null
  shipments: { status: string; carrier: string | null; tracking_number: string | null }[]
  notes_count: number
  items: ExportItem[]
}

export type ExportItem = {
  id: string
  title: string | null
  variant_title: string | null
  sku: string | null
  quantity: number
  unit_price: number
  total: number
}

/** A cell before it is written: text, a number, a date (written as ISO 8601 UTC) or a boolean. */
export type Cell = string | number | boolean | null

type ColumnKind = "text" | "number" | "date" | "boolean"

/** One column of the catalogue. */
export type ExportColumn = {
  key: string
  header: string
  group: string
  kind: ColumnKind
  /** Line-item columns exist only in the line-item shape. */
  line_item?: boolean
  value: (order: ExportOrder, item: ExportItem | null) => string | number | boolean | Date | null | undefined
}

const addressText = (a: Address) =>
  a ? [a.address_1, a.address_2, a.postal_code, a.city, a.province, a.country_code?.toUpperCase()].filter(Boolean).join(", ") : null
const addressName = (a: Address) => (a ? [a.first_name, a.last_name].filter(Boolean).join(" ") || null : null)

/**
 * The documented column catalogue (README, "Exports"): the keys the export
 * route accepts in `columns`, in their default order. Amounts are numbers in
 * the order's currency, which has its own column.
 */
export const EXPORT_COLUMNS: ExportColumn[] = [
  { key: "order_id", header: "Order ID", group: "order", kind: "text", value: (o) => o.id },
  { key: "display_id", header: "Order number", group: "order", kind: "number", value: (o) => o.display_id },
  { key: "created_at", header: "Placed at (UTC)", group: "order", kind: "date", value: (o) => o.created_at },
  { key: "email", header: "Email", group: "customer", kind: "text", value: (o) => o.email },
  { key: "customer_name", header: "Customer", group: "customer", kind: "text", value: (o) => o.customer_name },
  { key: "customer_id", header: "Customer ID", group: "customer", kind: "text", value: (o) => o.customer_id },
  { key: "shipping_name", header: "Ship to", group: "addresses", kind: "text", value: (o) => addressName(o.shipping_address) },
  { key: "shipping_address", header: "Shipping address", group: "addresses", kind: "text", value: (o) => addressText(o.shipping_address) },
  { key: "shipping_phone", header: "Shipping phone", group: "addresses", kind: "text", value: (o) => o.shipping_address?.phone },
  { key: "billing_address", header: "Billing address", group: "addresses", kind: "text", value: (o) => addressText(o.billing_address) },
  { key: "currency_code", header: "Currency", group: "totals", kind: "text", value: (o) => o.currency_code.toUpperCase() },
  { key: "subtotal", header: "Subtotal", group: "totals", kind: "number", value: (o) => o.subtotal },
  { key: "shipping_total", header: "Shipping", group: "totals", kind: "number", value: (o) => o.shipping_total },
  { key: "discount_total", header: "Discounts", group: "totals", kind: "number", value: (o) => o.discount_total },
  { key: "tax_total", header: "Tax", group: "totals", kind: "number", value: (o) => o.tax_total },
  { key: "total", header: "Total", group: "totals", kind: "number", value: (o) => o.total },
  { key: "payment_status", header: "Payment status", group: "status", kind: "text", value: (o) => o.payment_status },
  { key: "fulfillment_status", header: "Fulfillment status", group: "status", kind: "text", value: (o) => o.fulfillment_status },
  { key: "shipment_count", header: "Shipments", group: "shipments", kind: "number", value: (o) => o.shipments.length },
  { key: "carriers", header: "Carriers", group: "shipments", kind: "text", value: (o) => uniq(o.shipments.map((s) => s.carrier)) },
  { key: "tracking_numbers", header: "Tracking numbers", group: "shipments", kind: "text", value: (o) => uniq(o.shipments.map((s) => s.tracking_number)) },
  { key: "delivery_state", header: "Shipment states", group: "shipments", kind: "text", value: (o) => o.shipments.map((s) => s.status).join(", ") || null },
  { key: "notes_count", header: "Notes", group: "order", kind: "number", value: (o) => o.notes_count },
  { key: "is_test", header: "Test order", group: "order", kind: "boolean", value: (o) => o.is_test },
  { key: "sales_channel", header: "Sales channel", group: "order", kind: "text", value: (o) => o.sales_channel },
  { key: "item_id", header: "Line item ID", group: "line_item", kind: "text", line_item: true, value: (_, i) => i?.id },
  { key: "item_title", header: "Item", group: "line_item", kind: "text", line_item: true, value: (_, i) => i?.title },
  { key: "item_variant", header: "Variant", group: "line_item", kind: "text", line_item: true, value: (_, i) => i?.variant_title },
  { key: "item_sku", header: "SKU", group: "line_item", kind: "text", line_item: true, value: (_, i) => i?.sku },
  { key: "item_quantity", header: "Quantity", group: "line_item", kind: "number", line_item: true, value: (_, i) => i?.quantity },
  { key: "item_unit_price", header: "Unit price", group: "line_item", kind: "number", line_item: true, value: (_, i) => i?.unit_price },
  { key: "item_total", header: "Item total", group: "line_item", kind: "number", line_item: true, value: (_, i) => i?.total },
]

export const EXPORT_COLUMN_KEYS = EXPORT_COLUMNS.map((c) => c.key) as [string, ...string[]]

function uniq(values: (string | null)[]): string | null {
  const set = [...new Set(values.filter((v): v is string => !!v))]
  return set.length ? set.join(", ") : null
}

/**
 * The columns of an export, in catalogue order: the ones asked for, or all
 * that fit the shape. Line-item columns in an order-shaped export are
 * dropped. Pure.
 */
export function resolveExportColumns(shape: ExportShape, keys?: string[] | null): ExportColumn[] {
  const fits = EXPORT_COLUMNS.filter((c) => shape === "line_item" || !c.line_item)
  return keys?.length ? fits.filter((c) => keys.includes(c.key)) : fits
}

/**
 * A cell as written: ISO 8601 UTC for dates, numbers as numbers, text made
 * inert against formula injection. Pure.
 */
export function toCell(column: ExportColumn, raw: ReturnType<ExportColumn["value"]>): Cell {
  if (raw === null || raw === undefined || raw === "") {
    return null
  }
  switch (column.kind) {
    case "number":
      return Number(raw)
    case "boolean":
      return Boolean(raw)
    case "date":
      return new Date(raw as string | Date).toISOString()
    default:
      return neutralizeFormula(String(raw))
  }
}

/**
 * The rows one order makes: one, or one per line item (an order without
 * items still gets one row, with empty item cells). Pure.
 */
export function exportRows(order: ExportOrder, shape: ExportShape, columns: ExportColumn[]): Cell[][] {
  const items: (ExportItem | null)[] = shape === "line_item" && order.items.length ? order.items : [null]
  return items.map((item) => columns.map((c) => toCell(c, c.value(order, item))))
}
