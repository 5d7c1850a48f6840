import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { ORDER_ACTIVITY_MODULE } from "../../../modules/order-activity"
import type OrderActivityModuleService from "../../../modules/order-activity/service"
import type { CreateOrderActivityDTO } from "../../../types"

export const recordOrderActivityStepId = "order-ops-record-order-activity"

/**
 * Appends entries to the order timeline. `occurred_at` defaults to now.
 * Compensation deletes exactly the entries this step wrote.
 */
export const recordOrderActivityStep = createStep(
  recordOrderActivityStepId,
  async (input: CreateOrderActivityDTO[], { container }) => {
    const service: OrderActivityModuleService = container.resolve(ORDER_ACTIVITY_MODULE)
    const now = new Date()
    const created = await service.createOrderActivities(
      input.map((entry) => ({
        ...entry,
        actor_type: entry.actor_type ?? "system",
        occurred_at: entry.occurred_at ?? now,
      }))
    )
    return new StepResponse(
      created,
      created.map((entry) => entry.id)
    )
  },
  async (ids, { container }) => {
    if (!ids?.length) {
      return
    }
    const service: OrderActivityModuleService = container.resolve(ORDER_ACTIVITY_MODULE)
    await service.deleteOrderActivities(ids)
  }
)
