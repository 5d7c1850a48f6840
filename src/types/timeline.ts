import type { ActorType } from "./order-activity"

/** Where a timeline entry comes from: Medusa's own order data, or this plugin. */
export type TimelineSource = "core" | "order_ops"

/** One entry of the merged order timeline, newest first in responses. */
export type TimelineEntry = {
  /** Stable id: the activity id, or `<kind>:<core record id>` for core history. */
  id: string
  /** Dotted kind, e.g. `order.placed`, `payment.captured`, `note.created`. */
  kind: string
  source: TimelineSource
  /** When it happened, ISO 8601. */
  occurred_at: string
  actor: { type: ActorType; id: string | null }
  /** The record the entry is about, when there is one. */
  resource: { type: string; id: string } | null
  /** Kind-specific details (amounts, counts, the note text…). */
  data: Record<string, unknown>
}
