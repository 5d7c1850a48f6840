import type { OrderNoteDTO, OrderNoteRevisionDTO } from "../order-note"
import type { TimelineEntry } from "../timeline"

/** A note's replaced version, as `ADMIN_ORDER_NOTE_FIELDS` loads it. */
export type AdminOrderNoteRevision = Pick<
  OrderNoteRevisionDTO,
  "id" | "body" | "visible_to_customer" | "edited_by" | "created_at"
>

/** A note in admin responses (`ADMIN_ORDER_NOTE_FIELDS`), revisions newest first. */
export type AdminOrderNote = Pick<
  OrderNoteDTO,
  "id" | "order_id" | "body" | "visible_to_customer" | "author_id" | "created_at" | "updated_at"
> & {
  author: { id: string; email: string; first_name: string | null; last_name: string | null } | null
  revisions: AdminOrderNoteRevision[]
}

/** `GET /admin/orders/:id/notes` */
export type AdminOrderNotesResponse = { notes: AdminOrderNote[]; count: number; offset: number; limit: number }

/** `POST /admin/orders/:id/notes`, `POST /admin/orders/:id/notes/:note_id` */
export type AdminOrderNoteResponse = { note: AdminOrderNote }

/** A timeline entry in admin responses: the actor's name or email when known. */
export type AdminTimelineEntry = TimelineEntry & { actor: TimelineEntry["actor"] & { display?: string | null } }

/** `GET /admin/orders/:id/timeline` */
export type AdminOrderTimelineResponse = { timeline: AdminTimelineEntry[]; count: number; offset: number; limit: number }
