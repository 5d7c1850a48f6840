import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"

/** The test flag of one order: what the harmlessness rules need. */
export type TestOrderFlag = {
  order_id: string
  is_test: boolean
  /** True when the order's customer was generated for it. */
  generated_customer: boolean
}

export const getTestOrderFlagsStepId = "order-ops-get-test-order-flags"

/**
 * Which of these orders are test orders, in one query. Reusable by any
 * workflow that must behave differently for test orders (notifications,
 * labels — sandbox carrier only —, digital deliveries — dry runs).
 * Combine with `mayNotifyAboutOrder` for notifications. Reads only.
 */
export const getTestOrderFlagsStep = createStep(
  getTestOrderFlagsStepId,
  async (input: { order_ids: string[] }, { container }) => {
    const ids = [...new Set(input.order_ids.filter(Boolean))]
    if (!ids.length) {
      return new StepResponse([] as TestOrderFlag[])
    }
    const query = container.resolve(ContainerRegistrationKeys.QUERY)
    const { data } = await query.graph({
      entity: "test_order",
      fields: ["order_id", "generated_customer"],
      filters: { order_id: ids },
    })
    const byOrder = new Map(data.map((row) => [row.order_id as string, Boolean(row.generated_customer)]))
    return new StepResponse(
      ids.map((order_id) => ({
        order_id,
        is_test: byOrder.has(order_id),
        generated_customer: byOrder.get(order_id) ?? false,
      }))
    )
  }
)
