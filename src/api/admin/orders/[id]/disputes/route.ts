import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { createDisputeWorkflow } from "../../../../../workflows/order-case/workflows/disputes"
import { assertOrderFound, loadOrderCase } from "../../../order-case/helpers"
import type { AdminCreateDisputeType } from "../../../order-case/validators"

/** The order's disputes, newest first. */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  await assertOrderFound(req.scope, req.params.id)
  const orderCase = await loadOrderCase(req.scope, req.params.id)
  res.json({ disputes: orderCase.disputes, count: orderCase.disputes.length })
}

/** Records a dispute on one of the order's payments (its first when none is named). */
export const POST = async (req: AuthenticatedMedusaRequest<AdminCreateDisputeType>, res: MedusaResponse) => {
  const body = req.validatedBody
  const { result } = await createDisputeWorkflow(req.scope).run({
    input: {
      order_id: req.params.id,
      payment_id: body.payment_id ?? null,
      amount: body.amount,
      currency_code: body.currency_code ?? "",
      reason: body.reason,
      status: body.status,
      opened_at: body.opened_at ?? null,
      evidence_due_by: body.evidence_due_by ?? null,
      gateway_dispute_id: body.gateway_dispute_id ?? null,
      notes: body.notes,
      actor_id: req.auth_context.actor_id,
    },
  })
  res.status(201).json({ dispute: result })
}
