import { model } from "@medusajs/framework/utils"

/**
 * An issued invoice (or credit note): its number, taken gap-free from its
 * series in the same transaction that writes this row, and the snapshot of
 * everything the document shows, frozen at issue. The PDF is rendered from
 * the snapshot (deterministically) and stored in the file module, so opening
 * it again always gives the same document, whatever happens to the order.
 * Rows are never updated except to record the stored file.
 */
export const Invoice = model
  .define("order_invoice", {
    id: model.id({ prefix: "oinv" }).primaryKey(),
    order_id: model.text(),
    kind: model.enum(["invoice", "credit_note"]).default("invoice"),
    /** `live`, or `test` for test orders (a separate series, documents marked TEST). */
    series: model.enum(["live", "test"]).default("live"),
    number: model.number(),
    /** The number as printed: prefix + zero-padded number. */
    display_number: model.text(),
    snapshot: model.json(),
    file_key: model.text().nullable(),
    issued_at: model.dateTime(),
    /** A credit note's refund (Medusa's refund id): one credit note per refund. */
    refund_id: model.text().nullable(),
    /** A credit note's invoice. */
    credits_invoice_id: model.text().nullable(),
  })
  .indexes([
    { name: "IDX_order_invoice_series_number_unique", on: ["kind", "series", "number"], unique: true, where: "deleted_at IS NULL" },
    { name: "IDX_order_invoice_order_invoice_unique", on: ["order_id"], unique: true, where: "deleted_at IS NULL AND kind = 'invoice'" },
    { name: "IDX_order_invoice_refund_unique", on: ["refund_id"], unique: true, where: "deleted_at IS NULL AND kind = 'credit_note'" },
    { name: "IDX_order_invoice_order_kind", on: ["order_id", "kind"], where: "deleted_at IS NULL" },
  ])

/** The next number of each series (`invoice:live`, `invoice:test`, `credit_note:live`…). */
export const InvoiceCounter = model
  .define("order_invoice_counter", {
    id: model.id({ prefix: "oinvc" }).primaryKey(),
    series_key: model.text(),
    next_number: model.number().default(1),
  })
  .indexes([{ name: "IDX_order_invoice_counter_series_unique", on: ["series_key"], unique: true, where: "deleted_at IS NULL" }])
