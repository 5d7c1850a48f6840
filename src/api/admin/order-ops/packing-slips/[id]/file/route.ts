import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError, Modules } from "@medusajs/framework/utils"
import { pipeline } from "node:stream/promises"
import { retrieveExportJob } from "../../../exports/helpers"

/** The merged packing-slip PDF; 409 until it is ready. */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const job = await retrieveExportJob(req.scope, req.params.id, "packing_slips")
  if (job.status !== "completed" || !job.file_key) {
    throw new MedusaError(MedusaError.Types.CONFLICT, `Packing slips ${job.id} have no file: the job is ${job.status}`)
  }
  const stream = await req.scope.resolve(Modules.FILE).getDownloadStream(job.file_key)
  res.setHeader("Content-Type", "application/pdf")
  res.setHeader("Content-Disposition", `inline; filename="${job.file_name ?? `${job.id}.pdf`}"`)
  await pipeline(stream, res)
}
