import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { setOrderLabelWorkflow } from "../../../../../workflows/order-case/workflows/order-labels"
import { loadOrderCase } from "../../../order-case/helpers"
import type { AdminSetOrderLabelType } from "../../../order-case/validators"

/** Sets (or with `label_id: null` clears) the order's merchant label; answers the order's case. */
export const POST = async (req: AuthenticatedMedusaRequest<AdminSetOrderLabelType>, res: MedusaResponse) => {
  await setOrderLabelWorkflow(req.scope).run({
    input: {
      order_id: req.params.id,
      label_id: req.validatedBody.label_id,
      reference: req.validatedBody.reference,
      notify_customer: req.validatedBody.notify_customer ?? false,
      actor_id: req.auth_context.actor_id,
    },
  })
  res.json({ case: await loadOrderCase(req.scope, req.params.id) })
}
