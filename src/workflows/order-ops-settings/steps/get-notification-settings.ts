import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { ORDER_OPS_SETTINGS_MODULE } from "../../../modules/order-ops-settings"
import type OrderOpsSettingsModuleService from "../../../modules/order-ops-settings/service"

export const getNotificationSettingsStepId = "order-ops-get-notification-settings"

/** The notification settings in force (Settings → Notifications over the plugin options). Reads only. */
export const getNotificationSettingsStep = createStep(getNotificationSettingsStepId, async (_: void, { container }) => {
  const service = container.resolve<OrderOpsSettingsModuleService>(ORDER_OPS_SETTINGS_MODULE)
  return new StepResponse(await service.getNotificationSettings())
})
