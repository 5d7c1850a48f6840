import {
  createWorkflow,
  transform,
  WorkflowResponse,
} from "@medusajs/framework/workflows-sdk"
import { emitEventStep, useQueryGraphStep } from "@medusajs/medusa/core-flows"
import { OrderOpsEvents } from "../../../events"
import { recordOrderActivityStep } from "../../order-activity/steps/record-order-activity"
import { deleteOrderNotesStep } from "../steps/delete-order-notes"
import { validateNoteOnOrderStep } from "../steps/validate-note-on-order"
import { noteExcerpt } from "../utils/validate-note"

/** Input of {@link deleteOrderNoteWorkflow}. */
export type DeleteOrderNoteWorkflowInput = {
  /** The order in the URL; the note must belong to it. */
  order_id: string
  note_id: string
  /** The admin user deleting the note. */
  actor_id?: string | null
}

export const deleteOrderNoteWorkflowId = "order-ops-delete-order-note"

/**
 * Deletes a note (soft: its row and revisions stay for audit, hidden from
 * every API). The timeline gets `note.deleted` with an excerpt of what was
 * removed; `order_ops.note.deleted` is emitted.
 *
 * @throws MedusaError NOT_FOUND when the note is missing, already deleted or on another order.
 */
export const deleteOrderNoteWorkflow = createWorkflow(
  deleteOrderNoteWorkflowId,
  function (input: DeleteOrderNoteWorkflowInput) {
    const { data: notes } = useQueryGraphStep({
      entity: "order_note",
      fields: ["id", "order_id", "body", "visible_to_customer"],
      filters: { id: input.note_id },
    }).config({ name: "load-note" })

    const note = transform({ notes }, ({ notes }) => notes[0])
    validateNoteOnOrderStep({ note, order_id: input.order_id, note_id: input.note_id })

    deleteOrderNotesStep(transform({ input }, ({ input }) => [input.note_id]))

    recordOrderActivityStep(
      transform({ note, input }, ({ note, input }) => [
        {
          order_id: note.order_id,
          kind: "note.deleted",
          actor_type: input.actor_id ? ("user" as const) : ("system" as const),
          actor_id: input.actor_id ?? null,
          resource_type: "order_note",
          resource_id: note.id,
          data: {
            excerpt: noteExcerpt(note.body),
            visible_to_customer: note.visible_to_customer,
          },
        },
      ])
    )

    emitEventStep({
      eventName: OrderOpsEvents.NOTE_DELETED,
      data: transform({ note }, ({ note }) => ({ id: note.id, order_id: note.order_id })),
    })

    return new WorkflowResponse(transform({ note }, ({ note }) => ({ id: note.id, deleted: true })))
  }
)
