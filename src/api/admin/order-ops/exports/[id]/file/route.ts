import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError, Modules } from "@medusajs/framework/utils"
import { pipeline } from "node:stream/promises"
import { retrieveExportJob } from "../../helpers"

/** The export's file, streamed from the file module; 409 until it is completed. */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const job = await retrieveExportJob(req.scope, req.params.id)
  if (job.status !== "completed" || !job.file_key) {
    throw new MedusaError(MedusaError.Types.CONFLICT, `Export ${job.id} has no file: it is ${job.status}`)
  }
  const stream = await req.scope.resolve(Modules.FILE).getDownloadStream(job.file_key)
  res.setHeader("Content-Type", job.mime_type ?? "application/octet-stream")
  res.setHeader("Content-Disposition", `attachment; filename="${job.file_name ?? `${job.id}`}"`)
  await pipeline(stream, res)
}
