import { model } from "@medusajs/framework/utils"
import { OrderNoteRevision } from "./order-note-revision"

/**
 * A note a staff member keeps on an order. Internal unless
 * `visible_to_customer` is set. Edits keep the replaced text as revisions;
 * deletes are soft so the timeline can still say what happened.
 */
export const OrderNote = model
  .define("order_note", {
    id: model.id({ prefix: "onote" }).primaryKey(),
    order_id: model.text(),
    author_id: model.text().nullable(),
    body: model.text(),
    visible_to_customer: model.boolean().default(false),
    revisions: model.hasMany(() => OrderNoteRevision, { mappedBy: "note" }),
    metadata: model.json().nullable(),
  })
  .cascades({ delete: ["revisions"] })
  .indexes([
    {
      name: "IDX_order_note_order_id_created_at",
      on: ["order_id", "created_at"],
      where: "deleted_at IS NULL",
    },
  ])
