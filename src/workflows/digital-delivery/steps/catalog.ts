import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { DIGITAL_DELIVERY_MODULE } from "../../../modules/digital-delivery"
import type DigitalDeliveryModuleService from "../../../modules/digital-delivery/service"
import type { DeliveryMethodCode } from "../../../modules/digital-delivery/methods/types"
import { assertPublicTarget, isPermanentTargetError } from "../../../modules/digital-delivery/ssrf"
import { isUniqueViolation } from "../../labels/utils/ledger"
import { deliveryRuntime } from "../utils/delivery-runtime"
import type { DeliveryProductDTO } from "../utils/types"
import { licenseCodeLinesProblem, parseLicenseCodeLines } from "../utils/license-code-lines"

export type SaveDeliveryProductInput = {
  id?: string
  variant_id?: string
  method?: DeliveryMethodCode
  settings?: Record<string, unknown>
  enabled?: boolean
}

/**
 * Checks a delivery product's settings against the world, through the
 * method registry: a license pool exists, and every outside target the
 * method names is a public address (unless private targets are allowed).
 *
 * @throws MedusaError INVALID_DATA naming the field.
 */
async function checkSettings(
  container: Parameters<Parameters<typeof createStep>[1]>[1]["container"],
  code: DeliveryMethodCode,
  settings: Record<string, unknown>
) {
  const service = container.resolve<DigitalDeliveryModuleService>(DIGITAL_DELIVERY_MODULE)
  const methods = service.getMethods()
  const method = methods.get(code)
  const problem = (await method.checkSettings?.(settings as never, deliveryRuntime(service))) ?? null
  if (problem) {
    throw new MedusaError(MedusaError.Types.INVALID_DATA, problem)
  }
  for (const { field, target } of method.targets(settings as never, methods.options)) {
    try {
      await assertPublicTarget(target, methods.options)
    } catch (error) {
      // A host that does not resolve right now may later; a private address never becomes public.
      if (isPermanentTargetError(error)) {
        throw new MedusaError(MedusaError.Types.INVALID_DATA, `${field}: ${(error as Error).message}`)
      }
    }
  }
}

export const saveDeliveryProductStepId = "order-ops-save-delivery-product"

/**
 * Creates or updates the delivery product of a variant (one per variant).
 * Compensation deletes the new one or restores the old values.
 */
export const saveDeliveryProductStep = createStep(
  saveDeliveryProductStepId,
  async (input: SaveDeliveryProductInput, { container }) => {
    const service = container.resolve<DigitalDeliveryModuleService>(DIGITAL_DELIVERY_MODULE)
    const query = container.resolve(ContainerRegistrationKeys.QUERY)
    const previous = input.id ? ((await service.retrieveDeliveryProduct(input.id)) as unknown as DeliveryProductDTO) : null
    const method = input.method ?? previous!.method
    const settings = input.settings ?? previous!.settings
    await checkSettings(container, method, settings)
    let product_id: string | null = previous?.product_id ?? null
    let title: string | null = previous?.title ?? null
    if (input.variant_id && input.variant_id !== previous?.variant_id) {
      const { data } = await query.graph({
        entity: "product_variant",
        fields: ["id", "title", "product_id", "product.title"],
        filters: { id: input.variant_id },
      })
      const variant = data[0] as { id: string; title?: string; product_id?: string; product?: { title?: string } } | undefined
      if (!variant) {
        throw new MedusaError(MedusaError.Types.INVALID_DATA, `variant_id: variant ${input.variant_id} does not exist`)
      }
      product_id = variant.product_id ?? null
      title = [variant.product?.title, variant.title].filter(Boolean).join(" · ") || null
    }
    try {
      if (previous) {
        const updated = (await service.updateDeliveryProducts({
          id: previous.id,
          ...(input.variant_id ? { variant_id: input.variant_id, product_id, title } : {}),
          method,
          settings,
          ...(input.enabled === undefined ? {} : { enabled: input.enabled }),
        })) as unknown as DeliveryProductDTO
        return new StepResponse(updated, { previous, created_id: null as string | null })
      }
      const created = (await service.createDeliveryProducts({
        variant_id: input.variant_id!,
        product_id,
        title,
        method,
        settings,
        enabled: input.enabled ?? true,
      })) as unknown as DeliveryProductDTO
      return new StepResponse(created, { previous: null as DeliveryProductDTO | null, created_id: created.id as string | null })
    } catch (error) {
      if (isUniqueViolation(error)) {
        throw new MedusaError(MedusaError.Types.INVALID_DATA, `variant_id: variant ${input.variant_id} already has a delivery product`)
      }
      throw error
    }
  },
  async (undo, { container }) => {
    if (!undo) {
      return
    }
    const service = container.resolve<DigitalDeliveryModuleService>(DIGITAL_DELIVERY_MODULE)
    if (undo.created_id) {
      await service.deleteDeliveryProducts([undo.created_id])
    } else if (undo.previous) {
      const { id, variant_id, product_id, title, method, settings, enabled } = undo.previous
      await service.updateDeliveryProducts({ id, variant_id, product_id, title, method, settings, enabled })
    }
  }
)

export const importLicenseCodesStepId = "order-ops-import-license-codes"

/**
 * Adds codes to a pool from pasted text or a CSV file's content: one code
 * per line (first CSV column; a `code` header row is skipped), trimmed,
 * blank lines ignored. Codes already in the pool (or repeated in the input)
 * are skipped and counted. Compensation deletes the imported codes.
 */
export const importLicenseCodesStep = createStep(
  importLicenseCodesStepId,
  async (input: { pool_id: string; text: string }, { container }) => {
    const service = container.resolve<DigitalDeliveryModuleService>(DIGITAL_DELIVERY_MODULE)
    await service.retrieveLicensePool(input.pool_id)
    const problem = licenseCodeLinesProblem(input.text)
    if (problem) {
      throw new MedusaError(MedusaError.Types.INVALID_DATA, problem)
    }
    const lines = parseLicenseCodeLines(input.text)
    const unique = [...new Set(lines)]
    const existing = new Set(
      ((await service.listLicenseCodes({ pool_id: input.pool_id, code: unique }, { select: ["code"] })) as { code: string }[]).map(
        (c) => c.code
      )
    )
    const fresh = unique.filter((c) => !existing.has(c))
    const created = fresh.length
      ? ((await service.createLicenseCodes(fresh.map((code) => ({ pool_id: input.pool_id, code, status: "available" as const })))) as unknown as { id: string }[])
      : []
    return new StepResponse(
      { imported: created.length, skipped: lines.length - created.length },
      created.map((c) => c.id)
    )
  },
  async (ids, { container }) => {
    if (ids?.length) {
      await container.resolve<DigitalDeliveryModuleService>(DIGITAL_DELIVERY_MODULE).deleteLicenseCodes(ids)
    }
  }
)
