import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { ORDER_STATUS_MODULE } from "../../../modules/order-status"
import type OrderStatusModuleService from "../../../modules/order-status/service"

export const beginOrderStatusComputationStepId = "order-ops-begin-order-status-computation"

/**
 * Takes the database clock before a refresh reads anything: the instant the
 * computation began, stored as the rows' `computed_at`. The guarded upsert
 * keeps whichever computation began last, which read everything committed
 * before it began. Read-only.
 */
export const beginOrderStatusComputationStep = createStep(
  beginOrderStatusComputationStepId,
  async (_: void, { container }) => {
    const service: OrderStatusModuleService = container.resolve(ORDER_STATUS_MODULE)
    return new StepResponse((await service.databaseNow()).toISOString())
  }
)
