import { model } from "@medusajs/framework/utils"
import { OrderNote } from "./order-note"

/**
 * The text a note had before an edit. One row per edit; `created_at` is when
 * it was replaced and `edited_by` who replaced it.
 */
export const OrderNoteRevision = model
  .define("order_note_revision", {
    id: model.id({ prefix: "onoterev" }).primaryKey(),
    body: model.text(),
    visible_to_customer: model.boolean().default(false),
    edited_by: model.text().nullable(),
    note: model.belongsTo(() => OrderNote, { mappedBy: "revisions" }),
  })
  .indexes([{ name: "IDX_order_note_revision_note_id", on: ["note_id"] }])
