import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { DIGITAL_DELIVERY_MODULE } from "../../../../modules/digital-delivery"
import type DigitalDeliveryModuleService from "../../../../modules/digital-delivery/service"
import { deleteLicensePoolWorkflow, saveLicensePoolWorkflow } from "../../../../workflows/digital-delivery/workflows/catalog"
import type { AdminUpdateLicensePoolType } from "../../delivery-products/validators"
import type { AdminLicensePool, AdminLicensePoolResponse } from "../../../../types"
import type { HttpTypes } from "@medusajs/framework/types"

/** A pool with its codes counted by status. */
async function withCounts(service: DigitalDeliveryModuleService, id: string): Promise<AdminLicensePool> {
  const pool = await service.retrieveLicensePool(id)
  return { ...pool, counts: (await service.countLicenseCodes([id]))[id] }
}

export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse<AdminLicensePoolResponse>) => {
  const service = req.scope.resolve<DigitalDeliveryModuleService>(DIGITAL_DELIVERY_MODULE)
  res.json({ license_pool: await withCounts(service, req.params.id) })
}

export const POST = async (req: AuthenticatedMedusaRequest<AdminUpdateLicensePoolType>, res: MedusaResponse<AdminLicensePoolResponse>) => {
  const service = req.scope.resolve<DigitalDeliveryModuleService>(DIGITAL_DELIVERY_MODULE)
  await service.retrieveLicensePool(req.params.id)
  await saveLicensePoolWorkflow(req.scope).run({ input: { id: req.params.id, ...req.validatedBody } })
  res.json({ license_pool: await withCounts(service, req.params.id) })
}

export const DELETE = async (req: AuthenticatedMedusaRequest, res: MedusaResponse<HttpTypes.DeleteResponse<"license_pool">>) => {
  const service = req.scope.resolve<DigitalDeliveryModuleService>(DIGITAL_DELIVERY_MODULE)
  await service.retrieveLicensePool(req.params.id)
  await deleteLicensePoolWorkflow(req.scope).run({ input: { id: req.params.id } })
  res.json({ id: req.params.id, object: "license_pool", deleted: true })
}
