import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { createOrderNoteWorkflow } from "../../../../../../workflows/order-notes"
import { completeDigitalOrderWorkflow } from "../../../../../../workflows/digital-delivery/workflows/manual-delivery-actions"
import type { AdminCompleteDigitalOrderType } from "../../../../delivery-products/validators"
import type { AdminCompleteDigitalOrderResponse } from "../../../../../../types"

/** "Complete order" with optional notes (kept as an internal order note). */
export const POST = async (req: AuthenticatedMedusaRequest<AdminCompleteDigitalOrderType>, res: MedusaResponse<AdminCompleteDigitalOrderResponse>) => {
  const notes = req.validatedBody.notes?.trim() || null
  await completeDigitalOrderWorkflow(req.scope).run({
    input: { order_id: req.params.id, notes, actor_id: req.auth_context.actor_id },
  })
  if (notes) {
    await createOrderNoteWorkflow(req.scope).run({
      input: { order_id: req.params.id, body: notes, author_id: req.auth_context.actor_id, visible_to_customer: false },
    })
  }
  res.json({ order_id: req.params.id, completed: true })
}
