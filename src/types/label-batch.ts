import type { CarrierCode } from "../modules/shipment/carriers/types"
import type { DocumentJobStatusValue } from "../modules/order-document/state-machine"
import type { CarrierInfo } from "./label"
import type { BulkOrderActionResult } from "./order-document"

/** The label formats a batch prints into one file: a merged PDF, or ZPL labels one after another. */
export const LABEL_BATCH_FORMATS = ["PDF", "ZPL"] as const
export type LabelBatchFormat = (typeof LABEL_BATCH_FORMATS)[number]

/** The rule kinds a batch picks each order's rate by. */
export const LABEL_BATCH_RULE_TYPES = ["cheapest", "fastest", "service"] as const

/**
 * How a batch picks each order's rate among the quotes: the cheapest, the
 * fastest (fewest estimated days, then cheapest), or a named service per
 * carrier (`services: { shippo: "usps_priority", sandbox: "express" }`; the
 * cheapest of the named services quoted). A test order is only ever quoted by
 * the sandbox carrier; under a `service` rule that names no sandbox service
 * it gets the sandbox's cheapest.
 */
export type LabelBatchRule =
  | { type: "cheapest" }
  | { type: "fastest" }
  | { type: "service"; services: Partial<Record<CarrierCode, string>> }

/** What a label batch was asked for with (the document job's `params`). */
export type LabelBatchParams = {
  include_test_orders: boolean
  order_ids?: string[]
  /** The Order operations list's query parameters (strings, as in its URL). */
  filters: Record<string, unknown>
  parcel_template_id: string
  rule: LabelBatchRule
  /** Carriers to quote for live orders (every available one when omitted). */
  carriers?: CarrierCode[]
  label_format: LabelBatchFormat
  /** Ship-from stock location; else each order's sales channel's first. */
  location_id?: string | null
}

/** One order's outcome in a batch: `done` with its label, `skipped` (nothing left to ship, label voided) or `failed` with the error. */
export type LabelBatchOutcome = BulkOrderActionResult["orders"][number] & {
  /** The label bought (or found, for a replayed key) for the order. */
  label_id?: string | null
}

/** A label batch's result: counts, and every order's outcome (at most 1,000). */
export type LabelBatchResult = Omit<BulkOrderActionResult, "orders"> & {
  orders: LabelBatchOutcome[]
  /** Labels in the merged file. */
  labels: number
}

/** A label batch as `/admin/order-ops/label-batches` returns it. */
export type AdminLabelBatch = {
  id: string
  status: DocumentJobStatusValue
  params: LabelBatchParams
  /** Orders done so far. */
  progress_done: number
  /** Orders in all, once the worker counted them. */
  progress_total: number | null
  result: LabelBatchResult | null
  /** `/admin/order-ops/label-batches/:id/file` (*Print all*) once completed with at least one label. */
  file_url: string | null
  file_name: string | null
  error: string | null
  created_by: string | null
  created_at: Date | string
  started_at: Date | string | null
  finished_at: Date | string | null
}

/** `POST /admin/order-ops/label-batches` and `GET …/:id`. */
export type AdminLabelBatchResponse = { label_batch: AdminLabelBatch }

/** `GET /admin/order-ops/label-batches`: the newest batches and the carriers the drawer offers. */
export type AdminLabelBatchesResponse = {
  label_batches: AdminLabelBatch[]
  count: number
  limit: number
  offset: number
  carriers: CarrierInfo[]
}
