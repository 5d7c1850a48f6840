import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import type { MedusaContainer } from "@medusajs/framework/types"
import type { AdminOrderNote } from "../../../types"
import { ADMIN_ORDER_NOTE_FIELDS } from "./query-config"

/**
 * Throws a 404 unless the order exists.
 *
 * @throws MedusaError NOT_FOUND
 */
export async function assertOrderExists(scope: MedusaContainer, orderId: string): Promise<void> {
  const query = scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({
    entity: "order",
    fields: ["id"],
    filters: { id: orderId },
  })
  if (!data.length) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, `Order with id: ${orderId} was not found`)
  }
}

/**
 * Loads one note of an order in its admin shape, revisions newest first.
 *
 * @throws MedusaError NOT_FOUND when the note is missing, deleted or on another order.
 */
export async function refetchOrderNote(scope: MedusaContainer, orderId: string, noteId: string): Promise<AdminOrderNote> {
  const query = scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({
    entity: "order_note",
    fields: ADMIN_ORDER_NOTE_FIELDS,
    filters: { id: noteId, order_id: orderId },
  })
  if (!data.length) {
    throw new MedusaError(
      MedusaError.Types.NOT_FOUND,
      `Order note with id: ${noteId} was not found on order ${orderId}`
    )
  }
  return sortRevisions(data[0]) as unknown as AdminOrderNote
}

/** Revisions newest first, whatever order the database returned. */
export function sortRevisions<T extends { revisions?: unknown }>(note: T): T {
  const revisions = (note.revisions ?? []) as { created_at: string | Date }[]
  return {
    ...note,
    revisions: [...revisions].sort(
      (a, b) => new Date(b.created_at).getTime() - new Date(a.created_at).getTime()
    ),
  }
}
