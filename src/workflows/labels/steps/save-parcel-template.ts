import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { MedusaError } from "@medusajs/framework/utils"
import { SHIPMENT_MODULE } from "../../../modules/shipment"
import type ShipmentModuleService from "../../../modules/shipment/service"
import type { DistanceUnit, MassUnit } from "../../../modules/shipment/carriers/types"
import type { ParcelTemplateDTO } from "../../../types"
import { isUniqueViolation } from "../utils/ledger"

export type SaveParcelTemplateStepInput = {
  /** Update this template; create one when omitted. */
  id?: string
  name?: string
  length?: number
  width?: number
  height?: number
  distance_unit?: DistanceUnit
  weight?: number
  mass_unit?: MassUnit
  is_default?: boolean
}

type Snapshot = { created_id?: string; previous?: ParcelTemplateDTO[] }

export const saveParcelTemplateStepId = "order-ops-save-parcel-template"

/**
 * Creates or updates a parcel template; making one the default unsets the
 * previous default. Compensation deletes the new template or restores the
 * previous values.
 *
 * @throws MedusaError INVALID_DATA "name: … already exists"; NOT_FOUND for an unknown id.
 */
export const saveParcelTemplateStep = createStep(
  saveParcelTemplateStepId,
  async (input: SaveParcelTemplateStepInput, { container }) => {
    const service = container.resolve<ShipmentModuleService>(SHIPMENT_MODULE)
    const snapshot: Snapshot = { previous: [] }
    const { id, ...data } = input
    if (input.is_default) {
      const defaults = (await service.listParcelTemplates({ is_default: true })) as unknown as ParcelTemplateDTO[]
      const others = defaults.filter((t) => t.id !== id)
      if (others.length) {
        snapshot.previous!.push(...others)
        await service.updateParcelTemplates(others.map((t) => ({ id: t.id, is_default: false })))
      }
    }
    try {
      if (id) {
        snapshot.previous!.push((await service.retrieveParcelTemplate(id)) as unknown as ParcelTemplateDTO)
        const updated = (await service.updateParcelTemplates({ id, ...data })) as unknown as ParcelTemplateDTO
        return new StepResponse(updated, snapshot)
      }
      const created = (await service.createParcelTemplates(
        data as Required<Omit<SaveParcelTemplateStepInput, "id">>
      )) as unknown as ParcelTemplateDTO
      snapshot.created_id = created.id
      return new StepResponse(created, snapshot)
    } catch (error) {
      if (isUniqueViolation(error)) {
        throw new MedusaError(MedusaError.Types.INVALID_DATA, `name: a parcel template called "${input.name}" already exists`)
      }
      throw error
    }
  },
  async (snapshot, { container }) => {
    if (!snapshot) {
      return
    }
    const service = container.resolve<ShipmentModuleService>(SHIPMENT_MODULE)
    if (snapshot.created_id) {
      await service.deleteParcelTemplates([snapshot.created_id])
    }
    if (snapshot.previous?.length) {
      await service.updateParcelTemplates(
        snapshot.previous.map(({ id, name, length, width, height, distance_unit, weight, mass_unit, is_default }) => ({
          id, name, length, width, height, distance_unit, weight, mass_unit, is_default,
        }))
      )
    }
  }
)
