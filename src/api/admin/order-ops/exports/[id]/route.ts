import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { retrieveExportJob, toAdminExport } from "../helpers"
import type { AdminOrderExportResponse } from "../../../../../types"

/** One export with its progress. */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse<AdminOrderExportResponse>) => {
  res.json({ export: toAdminExport(await retrieveExportJob(req.scope, req.params.id)) })
}
