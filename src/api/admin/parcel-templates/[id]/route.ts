import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { SHIPMENT_MODULE } from "../../../../modules/shipment"
import type ShipmentModuleService from "../../../../modules/shipment/service"
import {
  deleteParcelTemplatesWorkflow,
  saveParcelTemplateWorkflow,
} from "../../../../workflows/labels/workflows/parcel-templates"
import type { AdminUpdateParcelTemplateType } from "../../labels/validators"
import type { AdminDeleteParcelTemplateResponse, AdminParcelTemplateResponse } from "../../../../types"

export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse<AdminParcelTemplateResponse>) => {
  const service = req.scope.resolve<ShipmentModuleService>(SHIPMENT_MODULE)
  res.json({ parcel_template: await service.retrieveParcelTemplate(req.params.id) })
}

/** Updates a parcel template. */
export const POST = async (req: AuthenticatedMedusaRequest<AdminUpdateParcelTemplateType>, res: MedusaResponse<AdminParcelTemplateResponse>) => {
  const service = req.scope.resolve<ShipmentModuleService>(SHIPMENT_MODULE)
  await service.retrieveParcelTemplate(req.params.id)
  const { result } = await saveParcelTemplateWorkflow(req.scope).run({
    input: { id: req.params.id, ...req.validatedBody },
  })
  res.json({ parcel_template: result })
}

/** Deletes a parcel template. */
export const DELETE = async (req: AuthenticatedMedusaRequest, res: MedusaResponse<AdminDeleteParcelTemplateResponse>) => {
  const service = req.scope.resolve<ShipmentModuleService>(SHIPMENT_MODULE)
  await service.retrieveParcelTemplate(req.params.id)
  await deleteParcelTemplatesWorkflow(req.scope).run({ input: { ids: [req.params.id] } })
  res.json({ id: req.params.id, object: "parcel_template", deleted: true })
}
