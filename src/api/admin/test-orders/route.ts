import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { TEST_ORDER_MODULE } from "../../../modules/test-order"
import type TestOrderModuleService from "../../../modules/test-order/service"
import { placeTestOrderWorkflow } from "../../../workflows/test-orders/workflows/place-test-order"
import type { AdminListTestOrdersType, AdminPlaceTestOrderType } from "./validators"
import type { AdminPlaceTestOrderResponse, AdminTestOrdersResponse } from "../../../types"

/**
 * Places a test order through Medusa's real checkout path: 201
 * `{ test_order, order }`. Bad input is a 400 naming the field and creates
 * nothing (no cart, no customer, no order).
 */
export const POST = async (
  req: AuthenticatedMedusaRequest<AdminPlaceTestOrderType>,
  res: MedusaResponse<AdminPlaceTestOrderResponse>
) => {
  const { result } = await placeTestOrderWorkflow(req.scope).run({
    input: { ...req.validatedBody, actor_id: req.auth_context.actor_id },
  })
  const t = result.test_order
  res.status(201).json({
    test_order: {
      id: t.id,
      order_id: t.order_id,
      display_id: t.display_id,
      payment_state: t.payment_state,
      customer_id: t.customer_id,
      generated_customer: t.generated_customer,
      placed_by: t.placed_by,
      created_at: t.created_at,
    },
    order: result.order,
  })
}

/** Test orders, newest first, each with its order's `display_id`: `{ test_orders, count, limit, offset }`. */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse<AdminTestOrdersResponse>) => {
  const { limit, offset } = req.validatedQuery as unknown as AdminListTestOrdersType
  const service: TestOrderModuleService = req.scope.resolve(TEST_ORDER_MODULE)
  const [testOrders, count] = await service.listAndCountTestOrders(
    {},
    { take: limit, skip: offset, order: { created_at: "DESC" } }
  )
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data: orders } = testOrders.length
    ? await query.graph({
        entity: "order",
        fields: ["id", "display_id"],
        filters: { id: testOrders.map((t) => t.order_id) },
      })
    : { data: [] }
  const displayIds = new Map(orders.map((o) => [o.id as string, Number(o.display_id)]))
  res.json({
    test_orders: testOrders.map((t) => ({ ...t, display_id: displayIds.get(t.order_id) ?? null })),
    count,
    limit,
    offset,
  })
}
