import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { ORDER_WEBHOOK_MODULE } from "../../../modules/order-webhook"
import type OrderWebhookModuleService from "../../../modules/order-webhook/service"

export const deleteWebhookEndpointStepId = "order-ops-delete-webhook-endpoint"

/**
 * Soft-deletes an endpoint: nothing more is sent to it (pending deliveries
 * stay in the log, never leased again). Compensation restores it.
 */
export const deleteWebhookEndpointStep = createStep(
  deleteWebhookEndpointStepId,
  async (id: string, { container }) => {
    await container.resolve<OrderWebhookModuleService>(ORDER_WEBHOOK_MODULE).softDeleteWebhookEndpoints(id)
    return new StepResponse(id, id)
  },
  async (id, { container }) => {
    if (!id) return
    await container.resolve<OrderWebhookModuleService>(ORDER_WEBHOOK_MODULE).restoreWebhookEndpoints(id)
  }
)
