import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { DIGITAL_DELIVERY_MODULE } from "../../../modules/digital-delivery"
import type DigitalDeliveryModuleService from "../../../modules/digital-delivery/service"
import { saveLicensePoolWorkflow } from "../../../workflows/digital-delivery/workflows/catalog"
import type { LicensePoolDTO } from "../../../workflows/digital-delivery/utils/types"
import type { AdminCreateLicensePoolType } from "../delivery-products/validators"
import type { AdminLicensePoolResponse, AdminLicensePoolsResponse } from "../../../types"

/** License pools with their available / assigned / revoked counts. */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse<AdminLicensePoolsResponse>) => {
  const service = req.scope.resolve<DigitalDeliveryModuleService>(DIGITAL_DELIVERY_MODULE)
  const [pools, count] = await service.listAndCountLicensePools({}, { order: { name: "ASC" } })
  const counts = await service.countLicenseCodes(pools.map((p) => p.id))
  res.json({ license_pools: pools.map((p) => ({ ...p, counts: counts[p.id] })), count })
}

/** Creates a pool (no codes yet). */
export const POST = async (req: AuthenticatedMedusaRequest<AdminCreateLicensePoolType>, res: MedusaResponse<AdminLicensePoolResponse>) => {
  const { result } = await saveLicensePoolWorkflow(req.scope).run({ input: req.validatedBody })
  const pool = result as unknown as LicensePoolDTO
  res.status(201).json({ license_pool: { ...pool, counts: { available: 0, assigned: 0, revoked: 0 } } })
}
