/**
 * Events this plugin emits, named `order_ops.<thing>.<past tense>`.
 * Payloads are tiny: `{ id }` plus flags; subscribers load what they need.
 */
export const OrderOpsEvents = {
  NOTE_CREATED: "order_ops.note.created",
  NOTE_UPDATED: "order_ops.note.updated",
  NOTE_DELETED: "order_ops.note.deleted",
} as const

export type OrderOpsEventName = (typeof OrderOpsEvents)[keyof typeof OrderOpsEvents]

/** Payload of `order_ops.note.*` events. */
export type OrderNoteEventData = {
  /** The note id. */
  id: string
  /** The order the note belongs to. */
  order_id: string
  /** True when the customer should be told about this note. */
  notify_customer?: boolean
}
