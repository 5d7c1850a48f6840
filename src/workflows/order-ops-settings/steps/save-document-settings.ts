import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { ORDER_OPS_SETTINGS_MODULE } from "../../../modules/order-ops-settings"
import type OrderOpsSettingsModuleService from "../../../modules/order-ops-settings/service"
import type { DocumentSettingsValues } from "../../../modules/order-ops-settings/service"

/** Fields to change; those left out keep their value. */
export type SaveDocumentSettingsStepInput = Partial<DocumentSettingsValues>

type Undo = { created: string | null; before: (DocumentSettingsValues & { id: string }) | null }

/**
 * Writes Settings → Documents (the one row, created on first save).
 * Compensation deletes a row it created or puts the old values back.
 */
export const saveDocumentSettingsStep = createStep(
  "order-ops-save-document-settings",
  async (input: SaveDocumentSettingsStepInput, { container }) => {
    const service = container.resolve<OrderOpsSettingsModuleService>(ORDER_OPS_SETTINGS_MODULE)
    const current = await service.getDocumentSettingsValues()
    const { id, ...values } = current
    const next = { ...values, ...Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined)) } as DocumentSettingsValues
    const data = { ...next, tax_ids: next.tax_ids as unknown as Record<string, unknown> }
    if (id) {
      await service.updateDocumentSettings({ id, ...data })
      return new StepResponse(next, { created: null, before: { id, ...values } } as Undo)
    }
    const created = await service.createDocumentSettings({ key: "default", ...data })
    return new StepResponse(next, { created: created.id, before: null } as Undo)
  },
  async (undo, { container }) => {
    if (!undo) return
    const service = container.resolve<OrderOpsSettingsModuleService>(ORDER_OPS_SETTINGS_MODULE)
    if (undo.created) {
      await service.deleteDocumentSettings(undo.created)
    } else if (undo.before) {
      await service.updateDocumentSettings({ ...undo.before, tax_ids: undo.before.tax_ids as unknown as Record<string, unknown> })
    }
  }
)
