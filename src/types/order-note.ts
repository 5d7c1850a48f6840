/** A note as the order note module returns it. */
export type OrderNoteDTO = {
  id: string
  order_id: string
  author_id: string | null
  body: string
  visible_to_customer: boolean
  metadata: Record<string, unknown> | null
  created_at: Date | string
  updated_at: Date | string
  deleted_at: Date | string | null
  revisions?: OrderNoteRevisionDTO[]
}

/** A replaced version of a note. */
export type OrderNoteRevisionDTO = {
  id: string
  note_id: string
  body: string
  visible_to_customer: boolean
  edited_by: string | null
  created_at: Date | string
}
