import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { DIGITAL_DELIVERY_MODULE } from "../../../../../modules/digital-delivery"
import type DigitalDeliveryModuleService from "../../../../../modules/digital-delivery/service"
import { importLicenseCodesWorkflow } from "../../../../../workflows/digital-delivery/workflows/catalog"
import type { AdminImportLicenseCodesType } from "../../../delivery-products/validators"

/** A pool's codes, newest first: `?status=available|assigned|revoked&limit=&offset=`. */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const service = req.scope.resolve<DigitalDeliveryModuleService>(DIGITAL_DELIVERY_MODULE)
  await service.retrieveLicensePool(req.params.id)
  const status = ["available", "assigned", "revoked"].includes(String(req.query.status)) ? String(req.query.status) : undefined
  const limit = Math.min(200, Math.max(1, Number(req.query.limit) || 50))
  const offset = Math.max(0, Number(req.query.offset) || 0)
  const [codes, count] = await service.listAndCountLicenseCodes(
    { pool_id: req.params.id, ...(status ? { status: status as "available" } : {}) },
    { order: { created_at: "DESC" }, take: limit, skip: offset }
  )
  res.json({ codes, count, limit, offset })
}

/** Imports codes: pasted, one per line, or a CSV file's content (first column). */
export const POST = async (req: AuthenticatedMedusaRequest<AdminImportLicenseCodesType>, res: MedusaResponse) => {
  const service = req.scope.resolve<DigitalDeliveryModuleService>(DIGITAL_DELIVERY_MODULE)
  await service.retrieveLicensePool(req.params.id)
  const { result } = await importLicenseCodesWorkflow(req.scope).run({
    input: { pool_id: req.params.id, text: req.validatedBody.codes },
  })
  res.status(201).json({ ...result, counts: (await service.countLicenseCodes([req.params.id]))[req.params.id] })
}
