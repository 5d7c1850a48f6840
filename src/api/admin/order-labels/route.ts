import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ORDER_CASE_MODULE } from "../../../modules/order-case"
import type OrderCaseModuleService from "../../../modules/order-case/service"
import { createOrderLabelWorkflow } from "../../../workflows/order-case/workflows/order-labels"
import type { AdminCreateOrderLabelType } from "../order-case/validators"

/** The merchant's order labels, by name. */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const service = req.scope.resolve<OrderCaseModuleService>(ORDER_CASE_MODULE)
  const labels = await service.listOrderLabels({}, { order: { name: "ASC" } })
  res.json({ order_labels: labels })
}

/** Adds an order label. 400 when the name is taken. */
export const POST = async (req: AuthenticatedMedusaRequest<AdminCreateOrderLabelType>, res: MedusaResponse) => {
  const { result } = await createOrderLabelWorkflow(req.scope).run({ input: req.validatedBody })
  res.status(201).json({ order_label: result })
}
