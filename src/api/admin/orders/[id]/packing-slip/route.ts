import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { printPackingSlipsWorkflow } from "../../../../../workflows/order-documents/workflows/print-packing-slips"

/** The order's packing slip (every item), as a PDF. 404 for an unknown order. */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const { result } = await printPackingSlipsWorkflow(req.scope).run({ input: { slips: [{ order_id: req.params.id }] } })
  res.setHeader("Content-Type", "application/pdf")
  res.setHeader("Content-Disposition", `inline; filename="packing-slip-${req.params.id}.pdf"`)
  res.send(Buffer.from(result.pdf_base64, "base64"))
}
