import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { ORDER_STATUS_MODULE } from "../../../modules/order-status"
import type OrderStatusModuleService from "../../../modules/order-status/service"
import { orderedShipments, type OrderStatusShipmentSource } from "../utils/build-order-status-row"

/** Input of {@link writeOrderShipmentStatusesStep}. */
export type WriteOrderShipmentStatusesStepInput = {
  /** The database clock before `shipments` were read (see `beginOrderStatusComputationStep`). */
  computed_at: string
  /** The orders to write. */
  order_ids: string[]
  /** Every shipment of those orders, read after `computed_at`. */
  shipments: OrderStatusShipmentSource[]
}

type Undo = { computed_at: string; previous: Awaited<ReturnType<OrderStatusModuleService["writeShipmentStatuses"]>>["previous"] }

export const writeOrderShipmentStatusesStepId = "order-ops-write-order-shipment-statuses"

/**
 * Writes the orders' `shipment_statuses` alone, without the full status
 * refresh: for shipments that moved without any chance of changing their
 * orders' fulfillment status (see `movesOrderFulfillmentStatus`), the
 * statuses are all of the row that changed. Guarded by the computation's
 * start like the full refresh (see
 * `OrderStatusModuleService.writeShipmentStatuses`); compensation puts the
 * previous value back unless a later computation has written it since.
 *
 * @returns the orders that have no row yet: they need the full refresh.
 */
export const writeOrderShipmentStatusesStep = createStep(
  writeOrderShipmentStatusesStepId,
  async (input: WriteOrderShipmentStatusesStepInput, { container }) => {
    const service: OrderStatusModuleService = container.resolve(ORDER_STATUS_MODULE)
    const byOrder = new Map<string, OrderStatusShipmentSource[]>()
    for (const shipment of input.shipments) {
      byOrder.set(shipment.order_id, [...(byOrder.get(shipment.order_id) ?? []), shipment])
    }
    const data = [...new Set(input.order_ids)].map((order_id) => ({
      order_id,
      shipment_statuses: orderedShipments(byOrder.get(order_id) ?? []).map((s) => s.status),
    }))
    const { previous, missing_order_ids } = await service.writeShipmentStatuses(data, input.computed_at)
    return new StepResponse<{ written: number; missing_order_ids: string[] }, Undo>(
      { written: previous.length, missing_order_ids },
      { computed_at: input.computed_at, previous }
    )
  },
  async (undo, { container }) => {
    if (!undo?.previous.length) {
      return
    }
    const service: OrderStatusModuleService = container.resolve(ORDER_STATUS_MODULE)
    await service.restoreShipmentStatuses(undo.previous, undo.computed_at)
  }
)
