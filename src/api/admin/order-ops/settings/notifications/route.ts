import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ORDER_OPS_SETTINGS_MODULE } from "../../../../../modules/order-ops-settings"
import type { OrderOpsNotificationSettings } from "../../../../../modules/order-ops-settings/registry"
import type OrderOpsSettingsModuleService from "../../../../../modules/order-ops-settings/service"
import { saveNotificationSettingsWorkflow } from "../../../../../workflows/order-ops-settings/workflows/save-notification-settings"
import type { SaveNotificationSettingsStepInput } from "../../../../../workflows/order-ops-settings/steps/save-notification-settings"
import type { AdminSaveNotificationSettingsType } from "./validators"

/** The notification settings in force. */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse<{ settings: OrderOpsNotificationSettings }>) => {
  const service = req.scope.resolve<OrderOpsSettingsModuleService>(ORDER_OPS_SETTINGS_MODULE)
  res.json({ settings: await service.getNotificationSettings() })
}

/** Saves the kinds sent; the answer is the settings now in force. */
export const POST = async (
  req: AuthenticatedMedusaRequest<AdminSaveNotificationSettingsType>,
  res: MedusaResponse<{ settings: OrderOpsNotificationSettings }>
) => {
  const { result } = await saveNotificationSettingsWorkflow(req.scope).run({ input: req.validatedBody as SaveNotificationSettingsStepInput })
  res.json({ settings: result })
}
