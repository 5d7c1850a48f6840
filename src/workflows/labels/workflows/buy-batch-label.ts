import { createWorkflow, transform, when, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { useQueryGraphStep } from "@medusajs/medusa/core-flows"
import type { CarrierCode } from "../../../modules/shipment/carriers/types"
import type { LabelBatchFormat, LabelBatchRule } from "../../../types"
import { PLAN_MARK_AS_SHIPPED_ORDER_FIELDS, planMarkAsShippedStep, type PlanMarkAsShippedStepInput } from "../../shipments/steps/plan-mark-as-shipped"
import { chooseBatchRateStep } from "../steps/choose-batch-rate"
import { findLabelPurchaseStep } from "../steps/find-label-purchase"
import { getCarrierRatesStep } from "../steps/get-carrier-rates"
import { prepareLabelRequestStep } from "../steps/prepare-label-request"
import { batchCarriers, labelBatchKey } from "../utils/label-batch"
import { buyShippingLabelWorkflow } from "./buy-shipping-label"

/** Input of {@link buyBatchLabelWorkflow}: one order of a label batch. */
export type BuyBatchLabelWorkflowInput = {
  /** The batch (its document job id): with the order, the purchase's ledger key. */
  batch_id: string
  order_id: string
  parcel_template_id: string
  rule: LabelBatchRule
  /** Carriers to quote for a live order; every available one when omitted. */
  carriers?: CarrierCode[]
  label_format: LabelBatchFormat
  location_id?: string | null
  /** The admin who asked for the batch. */
  actor_id?: string | null
}

/** What one order's purchase in a batch came to. */
export type BuyBatchLabelResult = {
  /** The order's label in this batch (bought now, or found by its key); null when skipped. */
  label_id: string | null
  /** True when this run bought it; false when a replay found the label already bought. */
  created: boolean
  /** Why nothing was bought (nothing left to ship), or null. */
  skipped: string | null
}

export const buyBatchLabelWorkflowId = "order-ops-buy-batch-label"

/**
 * Buys one order's label in a label batch, through the single purchase
 * path: the order's ledger key is `label-batch:<batch>:<order>`, so a replay
 * (a reclaimed batch, a restarted worker) answers with the label already
 * bought and never buys twice. Otherwise everything still unfulfilled of the
 * order's shipping items goes in the batch's parcel template; the rates come
 * from the same steps as `POST /admin/orders/:id/rates` (a test order is
 * quoted by the sandbox only), the batch's rule picks one, and
 * {@link buyShippingLabelWorkflow} buys it (ledger first, void at the
 * carrier as compensation when anything after the purchase fails). An order
 * with nothing left to ship is skipped.
 *
 * @throws MedusaError INVALID_DATA naming the order or the field (no rate
 *   fits the rule, the carrier refused the address…); NOT_ALLOWED for a
 *   canceled or held order; CONFLICT while the key's purchase is still at
 *   the carrier.
 */
export const buyBatchLabelWorkflow = createWorkflow(
  buyBatchLabelWorkflowId,
  function (input: BuyBatchLabelWorkflowInput) {
    const key = transform({ input }, ({ input }) => labelBatchKey(input.batch_id, input.order_id))
    const found = findLabelPurchaseStep(
      transform({ input, key }, ({ input, key }) => ({ order_id: input.order_id, idempotency_key: key }))
    )
    const { data: orders } = useQueryGraphStep({
      entity: "order",
      fields: PLAN_MARK_AS_SHIPPED_ORDER_FIELDS,
      filters: { id: input.order_id },
    }).config({ name: "load-batch-label-order" })
    const plan = planMarkAsShippedStep(
      transform({ orders }, ({ orders }) => ({ order: (orders[0] ?? null) as unknown as PlanMarkAsShippedStepInput["order"] }))
    ).config({ name: "plan-batch-label" })

    const bought = when({ found, plan }, ({ found, plan }) => !found.existing && !plan.skip).then(() => {
      const prepared = prepareLabelRequestStep(
        transform({ input, plan }, ({ input, plan }) => ({
          order_id: input.order_id,
          items: plan.items,
          parcel_template_id: input.parcel_template_id,
          location_id: input.location_id ?? null,
        }))
      ).config({ name: "prepare-batch-label-request" })
      const quoted = getCarrierRatesStep(
        transform({ input, prepared }, ({ input, prepared }) => ({
          ...prepared!,
          carriers: batchCarriers(prepared!.carriers, input.carriers, prepared!.is_test),
        }))
      )
      const rate = chooseBatchRateStep(
        transform({ input, prepared, quoted }, ({ input, prepared, quoted }) => ({
          order_label: prepared!.display_id ? `#${prepared!.display_id}` : input.order_id,
          rates: quoted.rates,
          errors: quoted.errors,
          rule: input.rule,
          is_test: prepared!.is_test,
        }))
      )
      return buyShippingLabelWorkflow.runAsStep({
        input: transform({ input, plan, rate, key }, ({ input, plan, rate, key }) => {
          const { carrier, ...carrierRate } = rate
          return {
            order_id: input.order_id,
            items: plan.items,
            parcel_template_id: input.parcel_template_id,
            location_id: input.location_id ?? null,
            carrier,
            rate: carrierRate,
            label_format: input.label_format,
            idempotency_key: key,
            actor_id: input.actor_id ?? null,
          }
        }),
      })
    })

    return new WorkflowResponse(
      transform({ found, plan, bought }, ({ found, plan, bought }): BuyBatchLabelResult => {
        if (found.existing) {
          return { label_id: found.existing.id, created: false, skipped: null }
        }
        if (bought) {
          return { label_id: bought.label_id, created: bought.created, skipped: null }
        }
        return { label_id: null, created: false, skipped: plan.skip ?? "Nothing left to ship" }
      })
    )
  }
)
