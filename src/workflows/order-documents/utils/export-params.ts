import { z } from "@medusajs/framework/zod"
import { AdminGetOrderOpsOrdersParams } from "../../../api/admin/order-ops/orders/validators"
import {
  buildOrderStatusListFilters,
  type OrderStatusListFilters,
} from "../../order-status/utils/order-status-list-query"
import { EXPORT_COLUMN_KEYS, EXPORT_FORMATS, EXPORT_SHAPES } from "./export-columns"

/** List parameters that page rather than filter: an export takes every matching order. */
const PAGING_KEYS = ["limit", "offset"]

/** Most orders an "Export selection" may name. */
export const MAX_EXPORT_SELECTION = 10000

/**
 * The list's query parameters as the list's own validator reads them:
 * booleans and numbers become strings (a query string has nothing else),
 * paging is dropped. Pure.
 */
export function toListQuery(filters: Record<string, unknown> | undefined): Record<string, unknown> {
  const query: Record<string, unknown> = {}
  for (const [key, value] of Object.entries(filters ?? {})) {
    if (PAGING_KEYS.includes(key) || value === null || value === undefined) {
      continue
    }
    query[key] = Array.isArray(value)
      ? value.map((v) => (typeof v === "string" ? v : String(v)))
      : typeof value === "string"
        ? value
        : String(value)
  }
  return query
}

/** Checks `filters` with the list's own validator, naming the bad field in the message. */
export const refineListFilters = (value: { filters: Record<string, unknown> }, ctx: z.RefinementCtx) => {
  const parsed = AdminGetOrderOpsOrdersParams.safeParse(toListQuery(value.filters))
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      // The message names the field: Medusa's 400 shows messages, not paths.
      const field = ["filters", ...issue.path.filter((p) => typeof p === "string")].join(".")
      ctx.addIssue({ code: "custom", path: ["filters", ...issue.path], message: `${field}: ${issue.message}` })
    }
  }
}

/** Which orders a bulk job works on: the list's filters, optionally only some ids. */
export const selectionFields = {
  /** Test orders are left out unless this is true or the filters ask for them (`is_test=true`). */
  include_test_orders: z.boolean({ error: "include_test_orders must be true or false" }).default(false),
  /** Only these orders (a selection), still within the filters. */
  order_ids: z
    .array(z.string().min(1))
    .min(1, { error: "order_ids must name at least one order" })
    .max(MAX_EXPORT_SELECTION, { error: `order_ids can name at most ${MAX_EXPORT_SELECTION} orders` })
    .optional(),
  filters: z.record(z.string(), z.unknown()).default({}),
}

/**
 * Orders for a bulk job (packing slips…): `filters` are exactly the Order
 * operations list's query parameters, checked by the list's own validator.
 */
export const OrderSelectionParamsSchema = z
  .object(selectionFields)
  .strict()
  .superRefine(refineListFilters)
  .transform((value) => ({ ...value, filters: toListQuery(value.filters) }))
export type OrderSelectionParams = z.infer<typeof OrderSelectionParamsSchema>

/**
 * What an export is asked for with. `filters` are exactly the Order
 * operations list's query parameters, checked by the list's own validator
 * (`AdminGetOrderOpsOrdersParams`): any filter the list gains is accepted
 * here, and exported, without a change to this file.
 */
export const ExportParamsSchema = z
  .object({
    format: z.enum(EXPORT_FORMATS, { error: `format must be one of ${EXPORT_FORMATS.join(", ")}` }),
    shape: z.enum(EXPORT_SHAPES, { error: `shape must be one of ${EXPORT_SHAPES.join(", ")}` }).default("order"),
    columns: z
      .array(z.enum(EXPORT_COLUMN_KEYS, { error: "columns must name columns of the export catalogue" }))
      .min(1, { error: "columns must name at least one column" })
      .optional(),
    ...selectionFields,
  })
  .strict()
  .superRefine(refineListFilters)
  .transform((value) => ({ ...value, filters: toListQuery(value.filters) }))
export type ExportParams = z.infer<typeof ExportParamsSchema>

/** The order_status query an export walks: the list's filters and its date direction. */
export type ExportQuery = { filters: OrderStatusListFilters; descending: boolean }

/**
 * Turns stored export parameters into the list's own filters, through the
 * list's validator and query builder: the export's orders are the list's
 * orders. Test orders are added only when asked for. Pure.
 */
export function exportQuery(params: OrderSelectionParams): ExportQuery {
  const { limit: _limit, offset: _offset, order, ...listParams } = AdminGetOrderOpsOrdersParams.parse(params.filters)
  if (listParams.is_test === undefined && !params.include_test_orders) {
    listParams.is_test = false
  }
  const filters = buildOrderStatusListFilters(listParams)
  if (params.order_ids?.length) {
    filters.order_id = params.order_ids
  }
  return { filters, descending: order.startsWith("-") }
}
