import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { SHIPMENT_MODULE } from "../../../modules/shipment"
import type ShipmentModuleService from "../../../modules/shipment/service"
import type { ShippingLabelDTO } from "../../../types"
import { CHECKOUT_LABEL_KEY_PREFIX } from "../../../providers/carrier-fulfillment/service"
import { nextFollowUp } from "../utils/ledger"

type Restore = Pick<ShippingLabelDTO, "id" | "status" | "refund_status" | "voided_at" | "attempts" | "next_check_at">

export const voidCheckoutLabelsStepId = "order-ops-void-checkout-labels"

/**
 * A checkout fulfillment was canceled in Medusa, whose provider voided its
 * label at the carrier already: its purchased ledger rows become voided,
 * refund submitted and followed by the follow-up job. Returns the shipments
 * those labels shipped. Compensation puts the rows back as they were.
 */
export const voidCheckoutLabelsStep = createStep(
  voidCheckoutLabelsStepId,
  async (input: { fulfillment_id: string }, { container }) => {
    const service = container.resolve<ShipmentModuleService>(SHIPMENT_MODULE)
    const labels = ((await service.listShippingLabels({
      fulfillment_id: input.fulfillment_id,
      status: "purchased",
    })) as unknown as ShippingLabelDTO[]).filter((l) => l.idempotency_key.startsWith(CHECKOUT_LABEL_KEY_PREFIX))
    const restore: Restore[] = labels.map(({ id, status, refund_status, voided_at, attempts, next_check_at }) => ({
      id,
      status,
      refund_status,
      voided_at,
      attempts,
      next_check_at,
    }))
    if (labels.length) {
      await service.updateShippingLabels(
        labels.map((l) => ({
          id: l.id,
          status: "voided" as const,
          refund_status: "submitted" as const,
          voided_at: new Date(),
          attempts: 0,
          next_check_at: nextFollowUp(0),
        }))
      )
    }
    const shipment_ids = [...new Set(labels.map((l) => l.shipment_id).filter((id): id is string => Boolean(id)))]
    return new StepResponse({ label_ids: labels.map((l) => l.id), shipment_ids }, restore)
  },
  async (restore, { container }) => {
    if (restore?.length) {
      await container.resolve<ShipmentModuleService>(SHIPMENT_MODULE).updateShippingLabels(
        restore.map((r) => ({
          ...r,
          voided_at: r.voided_at ? new Date(r.voided_at) : null,
          next_check_at: r.next_check_at ? new Date(r.next_check_at) : null,
        }))
      )
    }
  }
)
