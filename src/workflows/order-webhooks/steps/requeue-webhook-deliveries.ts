import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { ORDER_WEBHOOK_MODULE } from "../../../modules/order-webhook"
import type OrderWebhookModuleService from "../../../modules/order-webhook/service"

export const requeueWebhookDeliveriesStepId = "order-ops-requeue-webhook-deliveries"

/**
 * Puts finished deliveries back in the queue, due now, under the same
 * `webhook-id`. Compensation puts back the status, attempt count and
 * schedule each had.
 */
export const requeueWebhookDeliveriesStep = createStep(
  requeueWebhookDeliveriesStepId,
  async (input: { ids: string[]; now: Date }, { container }) => {
    const service = container.resolve<OrderWebhookModuleService>(ORDER_WEBHOOK_MODULE)
    const before = input.ids.length ? await service.listWebhookDeliveries({ id: input.ids }) : []
    const requeued = await service.requeueDeliveries({ ids: input.ids, now: new Date(input.now) })
    const undo = before
      .filter((d) => requeued.includes(d.id))
      .map((d) => ({
        id: d.id,
        status: d.status,
        attempt_count: d.attempt_count,
        scheduled_from: d.scheduled_from,
        next_attempt_at: d.next_attempt_at,
      }))
    return new StepResponse(requeued, undo)
  },
  async (undo, { container }) => {
    if (!undo?.length) return
    await container.resolve<OrderWebhookModuleService>(ORDER_WEBHOOK_MODULE).updateWebhookDeliveries(undo)
  }
)
