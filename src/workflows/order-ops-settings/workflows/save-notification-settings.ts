import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { saveNotificationSettingsStep, type SaveNotificationSettingsStepInput } from "../steps/save-notification-settings"

export const saveNotificationSettingsWorkflowId = "order-ops-save-notification-settings"

/** Saves Settings → Notifications; returns the settings now in force. */
export const saveNotificationSettingsWorkflow = createWorkflow(saveNotificationSettingsWorkflowId, (input: SaveNotificationSettingsStepInput) => {
  return new WorkflowResponse(saveNotificationSettingsStep(input))
})
