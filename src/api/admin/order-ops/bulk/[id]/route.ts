import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { toAdminExport } from "../../exports/helpers"
import { retrieveBulkOrderAction } from "../helpers"

/** One bulk order action with its progress and, once done, every order's outcome (`result`). */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  res.json({ job: toAdminExport(await retrieveBulkOrderAction(req.scope, req.params.id)) })
}
