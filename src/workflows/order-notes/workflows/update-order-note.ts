import {
  createWorkflow,
  transform,
  when,
  WorkflowResponse,
} from "@medusajs/framework/workflows-sdk"
import { emitEventStep, useQueryGraphStep } from "@medusajs/medusa/core-flows"
import { OrderOpsEvents } from "../../../events"
import type { OrderNoteDTO } from "../../../types"
import { recordOrderActivityStep } from "../../order-activity/steps/record-order-activity"
import { enqueueOrderWebhooks } from "../../order-webhooks/workflows/enqueue-order-webhook-events"
import { editOrderNotesStep } from "../steps/edit-order-notes"
import { validateNoteOnOrderStep } from "../steps/validate-note-on-order"
import { normalizeOrderNoteBodyStep } from "../steps/validate-order-note-input"
import { noteExcerpt } from "../utils/validate-note"

/** Input of {@link updateOrderNoteWorkflow}. */
export type UpdateOrderNoteWorkflowInput = {
  /** The order in the URL; the note must belong to it. */
  order_id: string
  note_id: string
  /** New text, 1–5,000 characters after trimming. */
  body?: string
  /** Show or hide the note to the customer. */
  visible_to_customer?: boolean
  /** The admin user making the edit. */
  actor_id?: string | null
}

export const updateOrderNoteWorkflowId = "order-ops-update-order-note"

/**
 * Edits a note. The replaced text is kept as a revision; the timeline gets a
 * `note.updated` entry and `order_ops.note.updated` is emitted, with
 * `notify_customer` when the note has just become visible to the customer.
 * An edit that changes nothing writes nothing.
 *
 * @throws MedusaError NOT_FOUND when the note is missing, deleted or on another order.
 * @throws MedusaError INVALID_DATA when the body is empty or too long.
 */
export const updateOrderNoteWorkflow = createWorkflow(
  updateOrderNoteWorkflowId,
  function (input: UpdateOrderNoteWorkflowInput) {
    const { data: notes } = useQueryGraphStep({
      entity: "order_note",
      fields: ["id", "order_id", "body", "visible_to_customer"],
      filters: { id: input.note_id },
    }).config({ name: "load-note" })

    validateNoteOnOrderStep({
      note: transform({ notes }, ({ notes }) => notes[0]),
      order_id: input.order_id,
      note_id: input.note_id,
    })

    const body = normalizeOrderNoteBodyStep({ body: input.body })

    const result = editOrderNotesStep(
      transform({ input, body }, ({ input, body }) => [
        {
          id: input.note_id,
          body,
          visible_to_customer: input.visible_to_customer,
          edited_by: input.actor_id ?? null,
        },
      ])
    )

    const change = transform({ result, input }, ({ result, input }) => {
      const before = result.before[0]
      const after: OrderNoteDTO = result.after[0]
      return {
        changed: result.revision_ids.length > 0,
        note: after,
        activity: [
          {
            order_id: after.order_id,
            kind: "note.updated",
            actor_type: input.actor_id ? ("user" as const) : ("system" as const),
            actor_id: input.actor_id ?? null,
            resource_type: "order_note",
            resource_id: after.id,
            data: {
              excerpt: noteExcerpt(after.body),
              previous_excerpt: noteExcerpt(before.body),
              visible_to_customer: after.visible_to_customer,
              revision_id: result.revision_ids[0],
            },
          },
        ],
        event: {
          id: after.id,
          order_id: after.order_id,
          notify_customer: after.visible_to_customer && !before.visible_to_customer,
        },
      }
    })

    when({ change }, ({ change }) => change.changed).then(() => {
      recordOrderActivityStep(transform({ change }, ({ change }) => change.activity))
      emitEventStep({
        eventName: OrderOpsEvents.NOTE_UPDATED,
        data: transform({ change }, ({ change }) => change.event),
      })
      enqueueOrderWebhooks(
        transform({ change }, ({ change }) => (change.event.notify_customer ? [{ source: "note.shared" as const, id: change.event.id }] : []))
      )
    })

    return new WorkflowResponse(transform({ change }, ({ change }) => change.note))
  }
)
