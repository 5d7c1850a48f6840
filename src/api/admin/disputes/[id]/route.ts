import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { ORDER_CASE_MODULE } from "../../../../modules/order-case"
import type OrderCaseModuleService from "../../../../modules/order-case/service"
import { updateDisputeWorkflow } from "../../../../workflows/order-case/workflows/disputes"
import type { AdminUpdateDisputeType } from "../../order-case/validators"

/** One dispute. */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const service = req.scope.resolve<OrderCaseModuleService>(ORDER_CASE_MODULE)
  const [dispute] = await service.listDisputes({ id: req.params.id }, { take: 1 })
  if (!dispute) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, `Dispute with id: ${req.params.id} was not found`)
  }
  res.json({ dispute: { ...dispute, amount: Number(dispute.amount) } })
}

/** Moves a dispute (400 for an illegal move) or edits its notes and due date. */
export const POST = async (req: AuthenticatedMedusaRequest<AdminUpdateDisputeType>, res: MedusaResponse) => {
  const { result } = await updateDisputeWorkflow(req.scope).run({
    input: { id: req.params.id, ...req.validatedBody, actor_id: req.auth_context.actor_id },
  })
  res.json({ dispute: result })
}
