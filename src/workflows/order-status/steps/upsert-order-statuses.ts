import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { ORDER_STATUS_MODULE } from "../../../modules/order-status"
import type OrderStatusModuleService from "../../../modules/order-status/service"
import type { OrderStatusDTO, UpsertOrderStatusDTO } from "../../../types"

/** Rows to write, one per order. */
export type UpsertOrderStatusesStepInput = UpsertOrderStatusDTO[]

/** What compensation needs: the rows as they were, and the ones created. */
type UpsertOrderStatusesUndo = {
  previous: UpsertOrderStatusDTO[]
  previous_ids: string[]
  created_ids: string[]
}

export const upsertOrderStatusesStepId = "order-ops-upsert-order-statuses"

const writable = (row: OrderStatusDTO): UpsertOrderStatusDTO => ({
  order_id: row.order_id,
  display_id: row.display_id,
  email: row.email,
  customer_id: row.customer_id,
  customer_name: row.customer_name,
  currency_code: row.currency_code,
  total: Number(row.total),
  fulfillment_status: row.fulfillment_status,
  payment_status: row.payment_status,
  delivery_status: row.delivery_status,
  is_test: row.is_test,
  item_count: row.item_count,
  shipment_count: row.shipment_count,
  shipment_statuses: row.shipment_statuses,
  order_created_at: new Date(row.order_created_at),
  canceled_at: row.canceled_at ? new Date(row.canceled_at) : null,
  computed_at: new Date(row.computed_at),
})

/**
 * Writes `order_status` rows, one per order (update when the order has a
 * row, create otherwise). Compensation puts back exactly what was there:
 * updated rows get their previous values, created rows are deleted.
 */
export const upsertOrderStatusesStep = createStep(
  upsertOrderStatusesStepId,
  async (input: UpsertOrderStatusesStepInput, { container }) => {
    const service: OrderStatusModuleService = container.resolve(ORDER_STATUS_MODULE)
    const result = await service.upsertOrderStatuses(input)
    return new StepResponse<OrderStatusDTO[], UpsertOrderStatusesUndo>(result.rows, {
      previous: result.previous.map(writable),
      previous_ids: result.previous.map((row) => row.id),
      created_ids: result.created_ids,
    })
  },
  async (undo, { container }) => {
    if (!undo) {
      return
    }
    const service: OrderStatusModuleService = container.resolve(ORDER_STATUS_MODULE)
    if (undo.created_ids.length) {
      await service.deleteOrderStatusRows(undo.created_ids)
    }
    if (undo.previous.length) {
      await service.updateOrderStatusRows(
        undo.previous.map((row, i) => ({ ...row, id: undo.previous_ids[i] }))
      )
    }
  }
)
