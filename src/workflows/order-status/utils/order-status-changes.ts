import type { OrderStatusChangedEventData } from "../../../events"
import type { UpsertOrderStatusDTO } from "../../../types"

/**
 * The status changes a write made: one entry per order whose replaced row
 * had another fulfillment or payment status than the row written. Pure.
 *
 * An order's first row is not a change: it is written when the order is
 * placed (announced by `order.placed`) or, for orders that existed before
 * the plugin, by the backfill and the heal job — a merchant's POS must not
 * get one "change" per old order when the plugin is installed. Orders whose
 * write was skipped (a newer computation's row was kept) report nothing:
 * that computation reports its own change.
 *
 * @param written - the rows the refresh wrote, one per order.
 * @param replaced - the rows the write replaced, exactly as they were.
 */
export function orderStatusChanges(
  written: Pick<UpsertOrderStatusDTO, "order_id" | "fulfillment_status" | "payment_status" | "computed_at">[],
  replaced: Record<string, unknown>[]
): OrderStatusChangedEventData[] {
  const before = new Map(replaced.map((row) => [row.order_id as string, row]))
  const changes: OrderStatusChangedEventData[] = []
  for (const row of written) {
    const old = before.get(row.order_id)
    if (!old) {
      continue
    }
    const previousFulfillment = String(old.fulfillment_status)
    const previousPayment = String(old.payment_status)
    if (previousFulfillment === row.fulfillment_status && previousPayment === row.payment_status) {
      continue
    }
    changes.push({
      id: row.order_id,
      computed_at: new Date(row.computed_at).toISOString(),
      fulfillment_status: row.fulfillment_status,
      previous_fulfillment_status: previousFulfillment,
      payment_status: row.payment_status,
      previous_payment_status: previousPayment,
    })
  }
  return changes
}
