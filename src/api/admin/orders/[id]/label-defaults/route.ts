import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { SHIPMENT_MODULE } from "../../../../../modules/shipment"
import type ShipmentModuleService from "../../../../../modules/shipment/service"
import { CARRIER_LABEL_FORMATS } from "../../../../../modules/shipment/carriers/registry"
import type { LabelDefaultsDTO, ParcelTemplateDTO } from "../../../../../types"
import { loadLabelDefaults } from "../../../../../workflows/labels/utils/label-request"

/**
 * What the carrier drawer starts from: ship-from (the stock location) and
 * recipient addresses, whether customs apply, the carriers this order may
 * use (a test order: the sandbox only) and the parcel templates.
 */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse<LabelDefaultsDTO>) => {
  const service = req.scope.resolve<ShipmentModuleService>(SHIPMENT_MODULE)
  const defaults = await loadLabelDefaults(req.scope, req.params.id)
  const templates = (await service.listParcelTemplates(
    {},
    { order: { is_default: "DESC", name: "ASC" } }
  )) as unknown as ParcelTemplateDTO[]
  const body: LabelDefaultsDTO = {
    from: defaults.from,
    to: defaults.to,
    location_id: defaults.location_id,
    international: defaults.international,
    currency_code: defaults.currency_code,
    is_test: defaults.is_test,
    carriers: service.listCarrierInfo(defaults.is_test),
    parcel_templates: templates,
    label_formats: [...CARRIER_LABEL_FORMATS],
  }
  res.json(body)
}
