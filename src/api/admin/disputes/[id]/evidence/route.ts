import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { buildDisputeEvidenceWorkflow } from "../../../../../workflows/order-case/workflows/build-dispute-evidence"
import type { AdminGetDisputeEvidenceParamsType } from "../../../order-case/validators"

/**
 * A dispute's evidence pack: one PDF, or with `?format=zip` a zip of the PDF
 * and its JSON sources. 404 for an unknown dispute.
 */
export const GET = async (req: AuthenticatedMedusaRequest<unknown, AdminGetDisputeEvidenceParamsType>, res: MedusaResponse) => {
  const { format } = req.validatedQuery as AdminGetDisputeEvidenceParamsType
  const { result } = await buildDisputeEvidenceWorkflow(req.scope).run({ input: { dispute_id: req.params.id, format } })
  res.setHeader("Content-Type", result.content_type)
  res.setHeader("Content-Disposition", `attachment; filename="${result.filename}"`)
  res.setHeader("Cache-Control", "private, no-store")
  res.send(Buffer.from(result.base64, "base64"))
}
