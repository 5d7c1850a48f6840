import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { retrieveExportJob, toAdminExport } from "../../exports/helpers"

/** One bulk packing-slip job with its progress. */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  res.json({ job: toAdminExport(await retrieveExportJob(req.scope, req.params.id, "packing_slips")) })
}
