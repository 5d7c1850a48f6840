import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { ORDER_STATUS_MODULE } from "../../../modules/order-status"
import type OrderStatusModuleService from "../../../modules/order-status/service"
import { computeDeliveryStatus, type DeliveryStatusSource } from "../utils/compute-delivery-status"

/** Input of {@link writeOrderDeliveryStatusesStep}. */
export type WriteOrderDeliveryStatusesStepInput = {
  /** The database clock before `deliveries` were read (see `beginOrderStatusComputationStep`). */
  computed_at: string
  /** The orders to write. */
  order_ids: string[]
  /** Every delivery of those orders, read after `computed_at`. */
  deliveries: (DeliveryStatusSource & { order_id: string })[]
}

type Undo = { computed_at: string; previous: Awaited<ReturnType<OrderStatusModuleService["writeDeliveryStatuses"]>>["previous"] }

export const writeOrderDeliveryStatusesStepId = "order-ops-write-order-delivery-statuses"

/**
 * Writes the orders' `delivery_status` alone (`computeDeliveryStatus` of
 * their deliveries), without the full status refresh: a delivery attempt
 * changes nothing else an order's statuses are computed from. Guarded by
 * the computation's start like the full refresh (see
 * `OrderStatusModuleService.writeDeliveryStatuses`); compensation puts the
 * previous value back unless a later computation has written it since.
 */
export const writeOrderDeliveryStatusesStep = createStep(
  writeOrderDeliveryStatusesStepId,
  async (input: WriteOrderDeliveryStatusesStepInput, { container }) => {
    const service: OrderStatusModuleService = container.resolve(ORDER_STATUS_MODULE)
    const data = [...new Set(input.order_ids)].map((order_id) => ({
      order_id,
      delivery_status: computeDeliveryStatus(input.deliveries.filter((d) => d.order_id === order_id)),
    }))
    const { previous } = await service.writeDeliveryStatuses(data, input.computed_at)
    return new StepResponse<{ written: number }, Undo>({ written: previous.length }, { computed_at: input.computed_at, previous })
  },
  async (undo, { container }) => {
    if (!undo?.previous.length) {
      return
    }
    const service: OrderStatusModuleService = container.resolve(ORDER_STATUS_MODULE)
    await service.restoreDeliveryStatuses(undo.previous, undo.computed_at)
  }
)
