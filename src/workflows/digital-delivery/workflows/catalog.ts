import { createStep, createWorkflow, StepResponse, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { MedusaError } from "@medusajs/framework/utils"
import { DIGITAL_DELIVERY_MODULE } from "../../../modules/digital-delivery"
import type DigitalDeliveryModuleService from "../../../modules/digital-delivery/service"
import { isUniqueViolation } from "../../labels/utils/ledger"
import { importLicenseCodesStep, saveDeliveryProductStep, type SaveDeliveryProductInput } from "../steps/catalog"

export const saveDeliveryProductWorkflowId = "order-ops-save-delivery-product"

/** Creates or updates a variant's delivery product; see `saveDeliveryProductStep`. */
export const saveDeliveryProductWorkflow = createWorkflow(
  saveDeliveryProductWorkflowId,
  function (input: SaveDeliveryProductInput) {
    return new WorkflowResponse(saveDeliveryProductStep(input))
  }
)

const softDeleteDeliveryProductStep = createStep(
  "order-ops-delete-delivery-product-step",
  async (input: { id: string }, { container }) => {
    const service = container.resolve<DigitalDeliveryModuleService>(DIGITAL_DELIVERY_MODULE)
    await service.softDeleteDeliveryProducts([input.id])
    return new StepResponse(input.id, input.id)
  },
  async (id, { container }) => {
    if (id) await container.resolve<DigitalDeliveryModuleService>(DIGITAL_DELIVERY_MODULE).restoreDeliveryProducts([id])
  }
)

/** Deletes a delivery product: the variant is no longer delivered digitally; past deliveries keep their log. */
export const deleteDeliveryProductWorkflow = createWorkflow(
  "order-ops-delete-delivery-product",
  function (input: { id: string }) {
    return new WorkflowResponse(softDeleteDeliveryProductStep(input))
  }
)

type PoolInput = { id?: string; name?: string; description?: string | null; low_stock_threshold?: number }

const saveLicensePoolStep = createStep(
  "order-ops-save-license-pool-step",
  async (input: PoolInput, { container }) => {
    const service = container.resolve<DigitalDeliveryModuleService>(DIGITAL_DELIVERY_MODULE)
    try {
      type Undo = { before: (PoolInput & { id: string }) | null; created_id: string | null }
      if (input.id) {
        const before = (await service.retrieveLicensePool(input.id)) as unknown as PoolInput & { id: string }
        const updated = (await service.updateLicensePools(input as PoolInput & { id: string })) as unknown as PoolInput & { id: string }
        return new StepResponse<PoolInput & { id: string }, Undo>(updated, { before, created_id: null })
      }
      const created = (await service.createLicensePools(input as Required<Pick<PoolInput, "name">>)) as unknown as PoolInput & { id: string }
      return new StepResponse<PoolInput & { id: string }, Undo>(created, { before: null, created_id: created.id })
    } catch (error) {
      if (isUniqueViolation(error)) {
        throw new MedusaError(MedusaError.Types.INVALID_DATA, `name: a license pool called "${input.name}" already exists`)
      }
      throw error
    }
  },
  async (undo, { container }) => {
    if (!undo) return
    const service = container.resolve<DigitalDeliveryModuleService>(DIGITAL_DELIVERY_MODULE)
    if (undo.created_id) {
      await service.deleteLicensePools([undo.created_id])
    } else if (undo.before) {
      const { id, name, description, low_stock_threshold } = undo.before
      await service.updateLicensePools({ id, name, description, low_stock_threshold })
    }
  }
)

/** Creates or updates a license pool (names are unique). */
export const saveLicensePoolWorkflow = createWorkflow("order-ops-save-license-pool", function (input: PoolInput) {
  return new WorkflowResponse(saveLicensePoolStep(input))
})

const deleteLicensePoolStep = createStep(
  "order-ops-delete-license-pool-step",
  async (input: { id: string }, { container }) => {
    const service = container.resolve<DigitalDeliveryModuleService>(DIGITAL_DELIVERY_MODULE)
    // The methods whose settings point at a license pool, and the setting that does, from the registry.
    const poolFields = new Map(
      service
        .getMethods()
        .list()
        .map((m): [string, string[]] => [m.code, m.settingsFields.filter((f) => f.type === "license_pool").map((f) => f.name)])
        .filter(([, fields]) => fields.length)
    )
    const products = poolFields.size ? await service.listDeliveryProducts({ method: [...poolFields.keys()] as never }) : []
    const used = products.filter((p) =>
      (poolFields.get(p.method) ?? []).some((field) => (p.settings as Record<string, unknown> | null)?.[field] === input.id)
    )
    if (used.length) {
      throw new MedusaError(
        MedusaError.Types.NOT_ALLOWED,
        `License pool ${input.id} is used by ${used.length} delivery product(s); change them first`
      )
    }
    await service.softDeleteLicensePools([input.id])
    return new StepResponse(input.id, input.id)
  },
  async (id, { container }) => {
    if (id) await container.resolve<DigitalDeliveryModuleService>(DIGITAL_DELIVERY_MODULE).restoreLicensePools([id])
  }
)

/** Deletes a license pool no delivery product uses. */
export const deleteLicensePoolWorkflow = createWorkflow("order-ops-delete-license-pool", function (input: { id: string }) {
  return new WorkflowResponse(deleteLicensePoolStep(input))
})

/** Imports codes into a pool; see `importLicenseCodesStep`. */
export const importLicenseCodesWorkflow = createWorkflow(
  "order-ops-import-license-codes",
  function (input: { pool_id: string; text: string }) {
    return new WorkflowResponse(importLicenseCodesStep(input))
  }
)
