import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { retrieveExportJob, toAdminExport } from "../helpers"

/** One export with its progress. */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  res.json({ export: toAdminExport(await retrieveExportJob(req.scope, req.params.id)) })
}
