import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { throwIfNotAllTestOrders } from "../utils/test-order-rules"

/** Everything that hangs off the test orders being deleted. */
export type TestOrderDeletionPlan = {
  order_ids: string[]
  test_order_ids: string[]
  cart_ids: string[]
  payment_collection_ids: string[]
  fulfillment_ids: string[]
  /** Generated test customers with no other orders: deleted too. */
  customer_ids: string[]
}

export const loadTestOrdersForDeletionStepId = "order-ops-load-test-orders-for-deletion"

/**
 * Checks that every id is a test order (unknown: 404, real order: 400 —
 * before anything is touched) and collects what is linked to them: carts,
 * payment collections, fulfillments and generated customers that have no
 * other order. Reads only.
 */
export const loadTestOrdersForDeletionStep = createStep(
  loadTestOrdersForDeletionStepId,
  async (input: { order_ids: string[] }, { container }) => {
    const query = container.resolve(ContainerRegistrationKeys.QUERY)
    const orderIds = [...new Set(input.order_ids)]
    const empty: TestOrderDeletionPlan = {
      order_ids: [],
      test_order_ids: [],
      cart_ids: [],
      payment_collection_ids: [],
      fulfillment_ids: [],
      customer_ids: [],
    }
    if (!orderIds.length) {
      return new StepResponse(empty)
    }
    const [{ data: orders }, { data: testOrders }] = await Promise.all([
      query.graph({
        entity: "order",
        fields: ["id", "payment_collections.id", "fulfillments.id"],
        filters: { id: orderIds },
      }),
      query.graph({
        entity: "test_order",
        fields: ["id", "order_id", "cart_id", "customer_id", "generated_customer"],
        filters: { order_id: orderIds },
      }),
    ])
    throwIfNotAllTestOrders(
      orderIds,
      orders.map((o) => o.id as string),
      testOrders.map((t) => t.order_id as string)
    )

    const generated = [
      ...new Set(
        testOrders.flatMap((t) => (t.generated_customer && t.customer_id ? [t.customer_id as string] : []))
      ),
    ]
    let customerIds: string[] = []
    if (generated.length) {
      const { data: theirOrders } = await query.graph({
        entity: "order",
        fields: ["id", "customer_id"],
        filters: { customer_id: generated },
      })
      const deleting = new Set(orderIds)
      const keep = new Set(
        theirOrders.filter((o) => !deleting.has(o.id as string)).map((o) => o.customer_id as string)
      )
      customerIds = generated.filter((id) => !keep.has(id))
    }

    const { data: carts } = await query.graph({
      entity: "order_cart",
      fields: ["cart_id"],
      filters: { order_id: orderIds },
    })

    return new StepResponse<TestOrderDeletionPlan>({
      order_ids: orderIds,
      test_order_ids: testOrders.map((t) => t.id as string),
      cart_ids: [
        ...new Set([
          ...testOrders.flatMap((t) => (t.cart_id ? [t.cart_id as string] : [])),
          ...carts.map((c) => c.cart_id as string),
        ]),
      ],
      payment_collection_ids: orders.flatMap((o) =>
        ((o.payment_collections ?? []) as ({ id: string } | null)[]).flatMap((c) => (c ? [c.id] : []))
      ),
      fulfillment_ids: orders.flatMap((o) =>
        ((o.fulfillments ?? []) as ({ id: string } | null)[]).flatMap((f) => (f ? [f.id] : []))
      ),
      customer_ids: customerIds,
    })
  }
)
