import { MedusaError } from "@medusajs/framework/utils"

/** Hard ceiling for a note body, whatever the options say. */
export const MAX_NOTE_LENGTH = 5000

/**
 * Trims a note body and checks its length.
 *
 * @returns the trimmed body.
 * @throws MedusaError INVALID_DATA when the trimmed body is empty or longer than `max`.
 */
export function normalizeNoteBody(body: string, max = MAX_NOTE_LENGTH): string {
  const trimmed = body.trim()
  if (!trimmed.length) {
    throw new MedusaError(MedusaError.Types.INVALID_DATA, "body: a note cannot be empty")
  }
  if (trimmed.length > max) {
    throw new MedusaError(
      MedusaError.Types.INVALID_DATA,
      `body: a note can be at most ${max} characters (got ${trimmed.length})`
    )
  }
  return trimmed
}

/**
 * A note is only reachable through its own order: a note id under another
 * order's URL is treated as not found, so ids don't leak across orders.
 *
 * @throws MedusaError NOT_FOUND when the note is missing, deleted, or on another order.
 */
export function throwIfNoteNotOnOrder(
  note: { id: string; order_id: string } | undefined | null,
  orderId: string,
  noteId: string
): void {
  if (!note || note.order_id !== orderId) {
    throw new MedusaError(
      MedusaError.Types.NOT_FOUND,
      `Order note with id: ${noteId} was not found on order ${orderId}`
    )
  }
}

/** A short excerpt of a note for the timeline. */
export function noteExcerpt(body: string, length = 280): string {
  return body.length > length ? `${body.slice(0, length - 1)}…` : body
}
