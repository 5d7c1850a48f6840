import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { ORDER_WEBHOOK_MODULE } from "../../../modules/order-webhook"
import type OrderWebhookModuleService from "../../../modules/order-webhook/service"
import type { EnqueueWebhookEventInput } from "../../../modules/order-webhook/service"

export const enqueueWebhookEventsStepId = "order-ops-enqueue-webhook-events"

/**
 * Writes events to the outbox with their deliveries (idempotent per
 * `dedupe_key`). Returns the new deliveries' ids. Compensation removes only
 * the events this step created, with their deliveries.
 */
export const enqueueWebhookEventsStep = createStep(
  enqueueWebhookEventsStepId,
  async (events: EnqueueWebhookEventInput[], { container }) => {
    const service = container.resolve<OrderWebhookModuleService>(ORDER_WEBHOOK_MODULE)
    const created: string[] = []
    const delivery_ids: string[] = []
    for (const event of events) {
      const result = await service.enqueueEvent(event)
      if (result.created) {
        created.push(result.event_id)
        delivery_ids.push(...result.delivery_ids)
      }
    }
    return new StepResponse({ event_ids: created, delivery_ids }, { event_ids: created, delivery_ids })
  },
  async (undo, { container }) => {
    if (!undo?.event_ids.length) return
    const service = container.resolve<OrderWebhookModuleService>(ORDER_WEBHOOK_MODULE)
    await service.deleteWebhookDeliveries(undo.delivery_ids)
    await service.deleteWebhookEvents(undo.event_ids)
  }
)
