import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"

/** The Medusa payment a gateway dispute is about, and its order. */
export type GatewayPaymentMatch = { payment_id: string; order_id: string } | null

export const findStripePaymentStepId = "order-ops-find-stripe-payment"

/**
 * Finds the Medusa payment behind a Stripe dispute through the payment's
 * data: Medusa's Stripe provider keeps the PaymentIntent there (`data.id`
 * is `pi_…`, `data.latest_charge` the charge). Payment data is JSON the
 * payment module can't filter on, hence one SQL lookup by key; then its
 * order through the order–payment collection link. Null when nothing
 * matches (another system's payment). Reads only.
 */
export const findStripePaymentStep = createStep(
  findStripePaymentStepId,
  async (input: { payment_intent_id: string | null; charge_id: string | null }, { container }) => {
    const keys = [input.payment_intent_id, input.charge_id].filter((k): k is string => Boolean(k))
    if (!keys.length) {
      return new StepResponse<GatewayPaymentMatch>(null)
    }
    const knex = container.resolve(ContainerRegistrationKeys.PG_CONNECTION)
    const rows: { id: string; payment_collection_id: string }[] = await knex("payment")
      .select("id", "payment_collection_id")
      .whereNull("deleted_at")
      .andWhere((q: { whereIn: (c: unknown, v: string[]) => { orWhereIn: (c: unknown, v: string[]) => unknown } }) =>
        q.whereIn(knex.raw("data->>'id'"), keys).orWhereIn(knex.raw("data->>'latest_charge'"), keys)
      )
      .orderBy("created_at", "desc")
      .limit(1)
    if (!rows.length) {
      return new StepResponse<GatewayPaymentMatch>(null)
    }
    const query = container.resolve(ContainerRegistrationKeys.QUERY)
    const { data } = await query.graph({
      entity: "payment_collection",
      fields: ["id", "order.id"],
      filters: { id: rows[0].payment_collection_id },
    })
    const orderId = (data[0] as { order?: { id?: string } | null } | undefined)?.order?.id
    return new StepResponse<GatewayPaymentMatch>(orderId ? { payment_id: rows[0].id, order_id: orderId } : null)
  }
)
