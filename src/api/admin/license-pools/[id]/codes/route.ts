import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { DIGITAL_DELIVERY_MODULE } from "../../../../../modules/digital-delivery"
import type DigitalDeliveryModuleService from "../../../../../modules/digital-delivery/service"
import { LICENSE_CODE_STATUSES } from "../../../../../modules/digital-delivery/methods/types"
import { importLicenseCodesWorkflow } from "../../../../../workflows/digital-delivery/workflows/catalog"
import type { AdminImportLicenseCodesType } from "../../../delivery-products/validators"
import type { AdminImportLicenseCodesResponse, AdminLicenseCodesResponse } from "../../../../../types"

/** A pool's codes, newest first: `?status=available|assigned|revoked&limit=&offset=`. */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse<AdminLicenseCodesResponse>) => {
  const service = req.scope.resolve<DigitalDeliveryModuleService>(DIGITAL_DELIVERY_MODULE)
  await service.retrieveLicensePool(req.params.id)
  const status = LICENSE_CODE_STATUSES.find((s) => s === String(req.query.status))
  const limit = Math.min(200, Math.max(1, Number(req.query.limit) || 50))
  const offset = Math.max(0, Number(req.query.offset) || 0)
  const [codes, count] = await service.listAndCountLicenseCodes(
    { pool_id: req.params.id, ...(status ? { status } : {}) },
    { order: { created_at: "DESC" }, take: limit, skip: offset }
  )
  res.json({ codes, count, limit, offset })
}

/** Imports codes: pasted, one per line, or a CSV file's content (first column). */
export const POST = async (req: AuthenticatedMedusaRequest<AdminImportLicenseCodesType>, res: MedusaResponse<AdminImportLicenseCodesResponse>) => {
  const service = req.scope.resolve<DigitalDeliveryModuleService>(DIGITAL_DELIVERY_MODULE)
  await service.retrieveLicensePool(req.params.id)
  const { result } = await importLicenseCodesWorkflow(req.scope).run({
    input: { pool_id: req.params.id, text: req.validatedBody.codes },
  })
  res.status(201).json({ ...result, counts: (await service.countLicenseCodes([req.params.id]))[req.params.id] })
}
