import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { SHIPMENT_MODULE } from "../../../modules/shipment"
import { carrierEntry } from "../../../modules/shipment/carriers/registry"
import type ShipmentModuleService from "../../../modules/shipment/service"
import type { LabelBatchParams } from "../../../types"

export const validateLabelBatchStepId = "order-ops-validate-label-batch"

/**
 * Checks a label batch before it is queued, so a mistake is a 400 now and
 * not the same error on every order later: the parcel template and the
 * stock location exist, the chosen carriers are configured, and each of them
 * prints the batch's label format. Reads only.
 *
 * @throws MedusaError INVALID_DATA naming the field.
 */
export const validateLabelBatchStep = createStep(validateLabelBatchStepId, async (params: LabelBatchParams, { container }) => {
  const shipments = container.resolve<ShipmentModuleService>(SHIPMENT_MODULE)
  const [template] = await shipments.listParcelTemplates({ id: params.parcel_template_id }, { take: 1 })
  if (!template) {
    throw new MedusaError(MedusaError.Types.INVALID_DATA, `parcel_template_id: parcel template ${params.parcel_template_id} does not exist`)
  }
  if (params.location_id) {
    const query = container.resolve(ContainerRegistrationKeys.QUERY)
    const { data } = await query.graph({ entity: "stock_location", fields: ["id"], filters: { id: params.location_id } })
    if (!data.length) {
      throw new MedusaError(MedusaError.Types.INVALID_DATA, `location_id: stock location ${params.location_id} does not exist`)
    }
  }
  const configured = shipments.listCarrierInfo(false).map((c) => c.code)
  for (const code of params.carriers ?? []) {
    if (!configured.includes(code)) {
      throw new MedusaError(MedusaError.Types.INVALID_DATA, `carriers: "${code}" is not available in this store`)
    }
  }
  for (const code of params.carriers ?? configured) {
    if (!carrierEntry(code).label_formats.includes(params.label_format)) {
      throw new MedusaError(
        MedusaError.Types.INVALID_DATA,
        `label_format: ${carrierEntry(code).name} does not print ${params.label_format} labels`
      )
    }
  }
  return new StepResponse(true)
})
