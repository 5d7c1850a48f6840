import { MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { ORDER_WEBHOOK_MODULE } from "../../../modules/order-webhook"
import { endpointUrlProblem } from "../../../modules/order-webhook/schedule"
import type OrderWebhookModuleService from "../../../modules/order-webhook/service"
import { generateWebhookSecret } from "../../../modules/order-webhook/service"
import type { WebhookEndpointDTO } from "../../../types/webhooks"

/** A new endpoint; its secret is generated here. */
export type CreateWebhookEndpointStepInput = {
  url: string
  description?: string | null
  events: string[]
  enabled?: boolean
  include_test_orders?: boolean
  max_in_flight?: number
}

export const createWebhookEndpointStepId = "order-ops-create-webhook-endpoint"

/**
 * Creates an endpoint with a fresh `whsec_` secret and returns it WITH the
 * secret (the only time it is shown). Compensation deletes it.
 */
export const createWebhookEndpointStep = createStep(
  createWebhookEndpointStepId,
  async (input: CreateWebhookEndpointStepInput, { container }) => {
    const service = container.resolve<OrderWebhookModuleService>(ORDER_WEBHOOK_MODULE)
    const problem = endpointUrlProblem(input.url, service.getOptions().webhooks.allow_private_targets)
    if (problem) {
      throw new MedusaError(MedusaError.Types.INVALID_DATA, problem)
    }
    const endpoint = (await service.createWebhookEndpoints({
      ...input,
      events: input.events as unknown as Record<string, unknown>,
      secret: generateWebhookSecret(),
    })) as unknown as WebhookEndpointDTO & {
      secret: string
    }
    return new StepResponse(endpoint, endpoint.id)
  },
  async (id, { container }) => {
    if (!id) return
    await container.resolve<OrderWebhookModuleService>(ORDER_WEBHOOK_MODULE).deleteWebhookEndpoints(id)
  }
)
