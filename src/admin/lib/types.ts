/** Shapes of the plugin's admin API responses, as the widgets read them. */
export type AdminOrderNoteRevision = {
  id: string
  body: string
  visible_to_customer: boolean
  edited_by: string | null
  created_at: string
}

export type AdminOrderNote = {
  id: string
  order_id: string
  body: string
  visible_to_customer: boolean
  author_id: string | null
  author: { id: string; email: string; first_name: string | null; last_name: string | null } | null
  created_at: string
  updated_at: string
  revisions: AdminOrderNoteRevision[]
}

export type AdminOrderNotesResponse = {
  notes: AdminOrderNote[]
  count: number
  offset: number
  limit: number
}

export type AdminTimelineEntry = {
  id: string
  kind: string
  source: "core" | "order_ops"
  occurred_at: string
  actor: { type: "user" | "customer" | "system"; id: string | null; display?: string | null }
  resource: { type: string; id: string } | null
  data: Record<string, unknown>
}

export type AdminOrderTimelineResponse = {
  timeline: AdminTimelineEntry[]
  count: number
  offset: number
  limit: number
}
