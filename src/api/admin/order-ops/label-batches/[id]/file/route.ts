import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError, Modules } from "@medusajs/framework/utils"
import { retrieveLabelBatch } from "../../helpers"

/** *Print all*: the batch's labels as one PDF or one ZPL file, inline so the browser can print it; 409 until it is ready. */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const job = await retrieveLabelBatch(req.scope, req.params.id)
  if (job.status !== "completed" || !job.file_key) {
    throw new MedusaError(
      MedusaError.Types.CONFLICT,
      job.status === "completed" ? `Label batch ${job.id} bought no labels to print` : `Label batch ${job.id} has no file: it is ${job.status}`
    )
  }
  const content = await req.scope.resolve(Modules.FILE).getAsBuffer(job.file_key)
  res.setHeader("Content-Type", job.mime_type ?? "application/pdf")
  res.setHeader("Content-Length", String(content.length))
  res.setHeader("Content-Disposition", `inline; filename="${job.file_name ?? `labels-${job.id}.pdf`}"`)
  res.setHeader("Cache-Control", "private, no-store")
  res.status(200).end(content)
}
