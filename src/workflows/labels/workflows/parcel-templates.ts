import { createStep, createWorkflow, StepResponse, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { SHIPMENT_MODULE } from "../../../modules/shipment"
import type ShipmentModuleService from "../../../modules/shipment/service"
import { saveParcelTemplateStep, type SaveParcelTemplateStepInput } from "../steps/save-parcel-template"

export const saveParcelTemplateWorkflowId = "order-ops-save-parcel-template"

/** Creates or updates a parcel template (see `saveParcelTemplateStep`). */
export const saveParcelTemplateWorkflow = createWorkflow(
  saveParcelTemplateWorkflowId,
  function (input: SaveParcelTemplateStepInput) {
    return new WorkflowResponse(saveParcelTemplateStep(input))
  }
)

export const deleteParcelTemplatesStepId = "order-ops-delete-parcel-templates"

/** Soft-deletes parcel templates; compensation restores them. */
export const deleteParcelTemplatesStep = createStep(
  deleteParcelTemplatesStepId,
  async (input: { ids: string[] }, { container }) => {
    const service = container.resolve<ShipmentModuleService>(SHIPMENT_MODULE)
    await service.softDeleteParcelTemplates(input.ids)
    return new StepResponse(undefined, input.ids)
  },
  async (ids, { container }) => {
    if (ids?.length) {
      await container.resolve<ShipmentModuleService>(SHIPMENT_MODULE).restoreParcelTemplates(ids)
    }
  }
)

export const deleteParcelTemplatesWorkflowId = "order-ops-delete-parcel-templates"

/** Deletes parcel templates. Labels already bought keep their parcel in their request. */
export const deleteParcelTemplatesWorkflow = createWorkflow(
  deleteParcelTemplatesWorkflowId,
  function (input: { ids: string[] }) {
    deleteParcelTemplatesStep(input)
    return new WorkflowResponse(input.ids)
  }
)
