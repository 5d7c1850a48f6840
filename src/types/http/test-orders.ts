import type { HttpTypes } from "@medusajs/framework/types"
import type { TestOrderDTO } from "../test-order"

/** The record that flags an order as a test order, with the order's display id. */
export type AdminTestOrder = Pick<
  TestOrderDTO,
  "id" | "order_id" | "payment_state" | "customer_id" | "generated_customer" | "placed_by" | "created_at"
> & { display_id: number }

/** `POST /admin/test-orders` */
export type AdminPlaceTestOrderResponse = {
  test_order: AdminTestOrder
  order: { id: string; display_id: number }
}

/** `GET /admin/test-orders` (an order that is gone has no display id). */
export type AdminTestOrdersResponse = {
  test_orders: (TestOrderDTO & { display_id: number | null })[]
  count: number
  limit: number
  offset: number
}

/** `GET /admin/orders/:id/test-order`: null for a real order. */
export type AdminOrderTestOrderResponse = { test_order: (TestOrderDTO & { display_id: number }) | null }

/** `DELETE /admin/test-orders/:id` */
export type AdminDeleteTestOrderResponse = HttpTypes.DeleteResponse<"test_order">

/** `POST /admin/test-orders/purge` */
export type AdminPurgeTestOrdersResponse = { deleted: number; order_ids: string[] }
