import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import {
  deleteOrderLabelWorkflow,
  updateOrderLabelWorkflow,
} from "../../../../workflows/order-case/workflows/order-labels"
import type { AdminUpdateOrderLabelType } from "../../order-case/validators"
import type { HttpTypes } from "@medusajs/framework/types"

/** Renames, recolours or shows/hides a label. */
export const POST = async (req: AuthenticatedMedusaRequest<AdminUpdateOrderLabelType>, res: MedusaResponse) => {
  const { result } = await updateOrderLabelWorkflow(req.scope).run({
    input: { id: req.params.id, ...req.validatedBody },
  })
  res.json({ order_label: result })
}

/** Deletes a label no order carries (400 otherwise). */
export const DELETE = async (req: AuthenticatedMedusaRequest, res: MedusaResponse<HttpTypes.DeleteResponse<"order_label">>) => {
  await deleteOrderLabelWorkflow(req.scope).run({ input: { id: req.params.id } })
  res.json({ id: req.params.id, object: "order_label", deleted: true })
}
