import { MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { ORDER_WEBHOOK_MODULE } from "../../../modules/order-webhook"
import { endpointUrlProblem } from "../../../modules/order-webhook/schedule"
import type OrderWebhookModuleService from "../../../modules/order-webhook/service"
import { generateWebhookSecret } from "../../../modules/order-webhook/service"

/** Changes to an endpoint. `rotate_secret` makes a new secret; the old one keeps signing for the overlap. */
export type UpdateWebhookEndpointStepInput = {
  id: string
  url?: string
  description?: string | null
  events?: string[]
  enabled?: boolean
  include_test_orders?: boolean
  max_in_flight?: number
  rotate_secret?: boolean
  /** Time of the change (the overlap ends this long after it). */
  now: Date
}

const RESTORABLE = [
  "url",
  "description",
  "events",
  "enabled",
  "include_test_orders",
  "max_in_flight",
  "secret",
  "previous_secret",
  "previous_secret_expires_at",
  "disabled_reason",
  "failing_since",
] as const

export const updateWebhookEndpointStepId = "order-ops-update-webhook-endpoint"

/**
 * Updates an endpoint. Enabling it clears the reason it was disabled and
 * its failing streak. Rotating moves the current secret to
 * `previous_secret` until `now + rotation_overlap_hours` and returns the new
 * secret (shown once). Compensation restores every field it may change.
 *
 * @throws MedusaError NOT_FOUND when the endpoint does not exist.
 */
export const updateWebhookEndpointStep = createStep(
  updateWebhookEndpointStepId,
  async (input: UpdateWebhookEndpointStepInput, { container }) => {
    const service = container.resolve<OrderWebhookModuleService>(ORDER_WEBHOOK_MODULE)
    if (input.url !== undefined) {
      const problem = endpointUrlProblem(input.url, service.getOptions().webhooks.allow_private_targets)
      if (problem) {
        throw new MedusaError(MedusaError.Types.INVALID_DATA, problem)
      }
    }
    const [before] = await service.listWebhookEndpoints({ id: input.id })
    if (!before) {
      throw new MedusaError(MedusaError.Types.NOT_FOUND, `Webhook endpoint ${input.id} was not found`)
    }
    const { rotate_secret, now, ...fields } = input
    const patch: Record<string, unknown> = { ...fields }
    if (input.enabled === true && !before.enabled) {
      patch.disabled_reason = null
      patch.failing_since = null
    }
    let secret: string | null = null
    if (rotate_secret) {
      secret = generateWebhookSecret()
      const hours = service.getOptions().webhooks.rotation_overlap_hours
      patch.secret = secret
      patch.previous_secret = before.secret
      patch.previous_secret_expires_at = new Date(new Date(now).getTime() + hours * 3600 * 1000)
    }
    await service.updateWebhookEndpoints(patch as { id: string })
    const restore = Object.fromEntries(RESTORABLE.map((k) => [k, (before as Record<string, unknown>)[k]]))
    return new StepResponse({ id: input.id, secret }, { id: input.id, ...restore })
  },
  async (restore, { container }) => {
    if (!restore) return
    await container.resolve<OrderWebhookModuleService>(ORDER_WEBHOOK_MODULE).updateWebhookEndpoints(restore as { id: string })
  }
)
