import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { getShippingRatesWorkflow } from "../../../../../workflows/labels/workflows/get-shipping-rates"
import type { AdminGetRatesType } from "../../../labels/validators"
import type { AdminRatesResponse } from "../../../../../types"

/** Rates for items of the order, cheapest first, with any carrier's error beside them. */
export const POST = async (req: AuthenticatedMedusaRequest<AdminGetRatesType>, res: MedusaResponse<AdminRatesResponse>) => {
  const { result } = await getShippingRatesWorkflow(req.scope).run({
    input: { ...req.validatedBody, order_id: req.params.id },
  })
  res.json(result)
}
