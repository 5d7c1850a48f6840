import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { SHIPMENT_MODULE } from "../../../modules/shipment"
import type ShipmentModuleService from "../../../modules/shipment/service"
import { saveParcelTemplateWorkflow } from "../../../workflows/labels/workflows/parcel-templates"
import type { AdminCreateParcelTemplateType } from "../labels/validators"
import type { AdminParcelTemplateResponse, AdminParcelTemplatesResponse } from "../../../types"

/** Every parcel template, the default first, then by name. */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse<AdminParcelTemplatesResponse>) => {
  const service = req.scope.resolve<ShipmentModuleService>(SHIPMENT_MODULE)
  const [parcel_templates, count] = await service.listAndCountParcelTemplates(
    {},
    { order: { is_default: "DESC", name: "ASC" } }
  )
  res.json({ parcel_templates, count })
}

/** Creates a parcel template. */
export const POST = async (req: AuthenticatedMedusaRequest<AdminCreateParcelTemplateType>, res: MedusaResponse<AdminParcelTemplateResponse>) => {
  const { result } = await saveParcelTemplateWorkflow(req.scope).run({ input: req.validatedBody })
  res.status(201).json({ parcel_template: result })
}
