import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"

/** Records whose orders need their statuses recomputed. */
export type ResolveStatusOrderIdsStepInput = {
  order_ids?: string[]
  /** Payments (e.g. from `payment.captured`): their orders through the payment collection. */
  payment_ids?: string[]
  /** Fulfillments (e.g. from `shipment.created`, `delivery.created`): their orders. */
  fulfillment_ids?: string[]
}

export const resolveStatusOrderIdsStepId = "order-ops-resolve-status-order-ids"

const unique = (ids: (string | null | undefined)[]): string[] => [
  ...new Set(ids.filter((id): id is string => typeof id === "string" && id.length > 0)),
]

type WithOrder = { order?: { id?: string | null } | null } | null | undefined

/**
 * Turns the ids an event carries into order ids: order ids as given,
 * payments through their payment collection's order, fulfillments through
 * their order. At most one query per kind of id; records that belong to no
 * order (a cart's payment, a return's fulfillment) are dropped. Read-only.
 */
export const resolveStatusOrderIdsStep = createStep(
  resolveStatusOrderIdsStepId,
  async (input: ResolveStatusOrderIdsStepInput, { container }) => {
    const query = container.resolve(ContainerRegistrationKeys.QUERY)
    const paymentIds = unique(input.payment_ids ?? [])
    const fulfillmentIds = unique(input.fulfillment_ids ?? [])

    const [payments, fulfillments] = await Promise.all([
      paymentIds.length
        ? query.graph({
            entity: "payment",
            fields: ["id", "payment_collection.order.id"],
            filters: { id: paymentIds },
          })
        : { data: [] },
      fulfillmentIds.length
        ? query.graph({
            entity: "fulfillment",
            fields: ["id", "order.id"],
            filters: { id: fulfillmentIds },
          })
        : { data: [] },
    ])

    return new StepResponse(
      unique([
        ...(input.order_ids ?? []),
        ...(payments.data as { payment_collection?: WithOrder }[]).map(
          (payment) => payment.payment_collection?.order?.id
        ),
        ...(fulfillments.data as WithOrder[]).map((fulfillment) => fulfillment?.order?.id),
      ])
    )
  }
)
