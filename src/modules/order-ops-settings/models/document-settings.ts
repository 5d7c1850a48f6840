import { model } from "@medusajs/framework/utils"

/**
 * Settings → Documents: what invoices, credit notes and packing slips print
 * about the seller, and the invoice number prefix. One row (`key` =
 * `default`); without it, documents show the store's name and `INV-`.
 * The next invoice number is not here: it is the invoice counter of the
 * order document module, which only ever moves forward.
 */
export const DocumentSettings = model
  .define("order_ops_document_settings", {
    id: model.id({ prefix: "odset" }).primaryKey(),
    key: model.text().default("default"),
    /** The seller's name on documents; the store's name when empty. */
    store_name: model.text().nullable(),
    /** The seller's address, one line per line. */
    address: model.text().nullable(),
    /** Tax ids as printed, e.g. `VAT DK12345678`. */
    tax_ids: model.json(),
    /** The logo in Medusa's file module (PNG or JPEG). */
    logo_file_id: model.text().nullable(),
    /** Printed before the zero-padded invoice number. Test orders add `TEST-` in front. */
    invoice_prefix: model.text().default("INV-"),
  })
  .indexes([{ name: "IDX_order_ops_document_settings_key_unique", on: ["key"], unique: true, where: "deleted_at IS NULL" }])
