import {
  createWorkflow,
  transform,
  WorkflowResponse,
} from "@medusajs/framework/workflows-sdk"
import { emitEventStep, useQueryGraphStep } from "@medusajs/medusa/core-flows"
import { OrderOpsEvents } from "../../../events"
import type { OrderNoteDTO } from "../../../types"
import { recordOrderActivityStep } from "../../order-activity/steps/record-order-activity"
import { enqueueOrderWebhooks } from "../../order-webhooks/workflows/enqueue-order-webhook-events"
import { createOrderNotesStep } from "../steps/create-order-notes"
import { normalizeOrderNoteBodyStep } from "../steps/validate-order-note-input"
import { noteExcerpt } from "../utils/validate-note"

/** Input of {@link createOrderNoteWorkflow}. */
export type CreateOrderNoteWorkflowInput = {
  /** The order to attach the note to. */
  order_id: string
  /** The note text, 1–5,000 characters after trimming. */
  body: string
  /** Show the note to the order's customer (and notify them). Default `false`. */
  visible_to_customer?: boolean
  /** The admin user writing the note; `null` for notes written by the system. */
  author_id?: string | null
}

export const createOrderNoteWorkflowId = "order-ops-create-order-note"

/**
 * Adds a note to an order, records `note.created` on the order timeline and
 * emits `order_ops.note.created` (with `notify_customer` for customer-visible
 * notes, which a subscriber turns into a notification).
 *
 * @throws MedusaError NOT_FOUND when the order does not exist.
 * @throws MedusaError INVALID_DATA when the body is empty or too long.
 */
export const createOrderNoteWorkflow = createWorkflow(
  createOrderNoteWorkflowId,
  function (input: CreateOrderNoteWorkflowInput) {
    useQueryGraphStep({
      entity: "order",
      fields: ["id"],
      filters: { id: input.order_id },
      options: { throwIfKeyNotFound: true },
    }).config({ name: "load-order" })

    const body = normalizeOrderNoteBodyStep({ body: input.body })

    const notes = createOrderNotesStep(
      transform({ input, body }, ({ input, body }) => [
        {
          order_id: input.order_id,
          body: body!,
          visible_to_customer: input.visible_to_customer ?? false,
          author_id: input.author_id ?? null,
        },
      ])
    )
    const note = transform({ notes }, ({ notes }): OrderNoteDTO => notes[0])

    recordOrderActivityStep(
      transform({ note }, ({ note }) => [
        {
          order_id: note.order_id,
          kind: "note.created",
          actor_type: note.author_id ? ("user" as const) : ("system" as const),
          actor_id: note.author_id,
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
      eventName: OrderOpsEvents.NOTE_CREATED,
      data: transform({ note }, ({ note }) => ({
        id: note.id,
        order_id: note.order_id,
        notify_customer: note.visible_to_customer,
      })),
    })
    enqueueOrderWebhooks(
      transform({ note }, ({ note }) => (note.visible_to_customer ? [{ source: "note.shared" as const, id: note.id }] : []))
    )

    return new WorkflowResponse(note)
  }
)
