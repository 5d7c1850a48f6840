import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { deleteOrderNoteWorkflow } from "../../../../../../workflows/order-notes/workflows/delete-order-note"
import { updateOrderNoteWorkflow } from "../../../../../../workflows/order-notes/workflows/update-order-note"
import { refetchOrderNote } from "../../../helpers"
import type { AdminUpdateOrderNoteType } from "../../../validators"
import type { AdminOrderNoteResponse } from "../../../../../../types"
import type { HttpTypes } from "@medusajs/framework/types"

/** One note of the order, with its revisions. */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse<AdminOrderNoteResponse>) => {
  res.json({ note: await refetchOrderNote(req.scope, req.params.id, req.params.note_id) })
}

/** Edits a note; the replaced text is kept as a revision. */
export const POST = async (
  req: AuthenticatedMedusaRequest<AdminUpdateOrderNoteType>,
  res: MedusaResponse<AdminOrderNoteResponse>
) => {
  await updateOrderNoteWorkflow(req.scope).run({
    input: {
      order_id: req.params.id,
      note_id: req.params.note_id,
      body: req.validatedBody.body,
      visible_to_customer: req.validatedBody.visible_to_customer,
      actor_id: req.auth_context.actor_id,
    },
  })
  res.json({ note: await refetchOrderNote(req.scope, req.params.id, req.params.note_id) })
}

/** Deletes a note. */
export const DELETE = async (req: AuthenticatedMedusaRequest, res: MedusaResponse<HttpTypes.DeleteResponse<"order_note">>) => {
  await deleteOrderNoteWorkflow(req.scope).run({
    input: {
      order_id: req.params.id,
      note_id: req.params.note_id,
      actor_id: req.auth_context.actor_id,
    },
  })
  res.json({ id: req.params.note_id, object: "order_note", deleted: true })
}
