import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { ORDER_OPS_SETTINGS_MODULE } from "../../../modules/order-ops-settings"
import type { CustomerNotificationKind, StaffAlertKind } from "../../../modules/order-ops-settings/registry"
import type OrderOpsSettingsModuleService from "../../../modules/order-ops-settings/service"

/** Changes to save; kinds left out keep what they have. */
export type SaveNotificationSettingsStepInput = {
  customer?: Partial<Record<CustomerNotificationKind, { enabled?: boolean; template?: string }>>
  staff?: Partial<Record<StaffAlertKind, { enabled?: boolean; template?: string; recipients?: string[] }>>
}

type Undo = { created_customer: string[]; created_staff: string[]; customer: Record<string, unknown>[]; staff: Record<string, unknown>[] }

export const saveNotificationSettingsStepId = "order-ops-save-notification-settings"

/**
 * Writes the changed kinds (a row per kind, created from the current
 * values on first save). Compensation deletes the rows it created and puts
 * back the ones it changed.
 */
export const saveNotificationSettingsStep = createStep(
  saveNotificationSettingsStepId,
  async (input: SaveNotificationSettingsStepInput, { container }) => {
    const service = container.resolve<OrderOpsSettingsModuleService>(ORDER_OPS_SETTINGS_MODULE)
    const current = await service.getNotificationSettings()
    const undo: Undo = { created_customer: [], created_staff: [], customer: [], staff: [] }
    for (const [kind, change] of Object.entries(input.customer ?? {})) {
      if (!change) continue
      const [row] = await service.listNotificationSettings({ kind })
      const now = current.customer[kind as CustomerNotificationKind]
      const next = { enabled: change.enabled ?? now.enabled, template: change.template ?? now.template }
      if (row) {
        undo.customer.push({ id: row.id, enabled: row.enabled, template: row.template })
        await service.updateNotificationSettings({ id: row.id, ...next })
      } else {
        const created = await service.createNotificationSettings({ kind, ...next })
        undo.created_customer.push(created.id)
      }
    }
    for (const [kind, change] of Object.entries(input.staff ?? {})) {
      if (!change) continue
      const [row] = await service.listStaffAlertSettings({ kind })
      const now = current.staff[kind as StaffAlertKind]
      const next = {
        enabled: change.enabled ?? now.enabled,
        template: change.template ?? now.template,
        recipients: (change.recipients ?? now.recipients) as unknown as Record<string, unknown>,
      }
      if (row) {
        undo.staff.push({ id: row.id, enabled: row.enabled, template: row.template, recipients: row.recipients })
        await service.updateStaffAlertSettings({ id: row.id, ...next })
      } else {
        const created = await service.createStaffAlertSettings({ kind, ...next })
        undo.created_staff.push(created.id)
      }
    }
    return new StepResponse(await service.getNotificationSettings(), undo)
  },
  async (undo, { container }) => {
    if (!undo) return
    const service = container.resolve<OrderOpsSettingsModuleService>(ORDER_OPS_SETTINGS_MODULE)
    if (undo.created_customer.length) await service.deleteNotificationSettings(undo.created_customer)
    if (undo.created_staff.length) await service.deleteStaffAlertSettings(undo.created_staff)
    for (const row of undo.customer) await service.updateNotificationSettings(row as { id: string })
    for (const row of undo.staff) await service.updateStaffAlertSettings(row as { id: string })
  }
)
