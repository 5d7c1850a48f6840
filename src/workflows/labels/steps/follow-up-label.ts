import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { Modules } from "@medusajs/framework/utils"
import { OrderOpsEvents } from "../../../events"
import { ORDER_ACTIVITY_MODULE } from "../../../modules/order-activity"
import type OrderActivityModuleService from "../../../modules/order-activity/service"
import { SHIPMENT_MODULE } from "../../../modules/shipment"
import type ShipmentModuleService from "../../../modules/shipment/service"
import type { ShipmentDTO, ShippingLabelDTO } from "../../../types"
import { applyTrackingUpdate } from "../utils/apply-tracking"
import { labelRef, nextFollowUp, OPEN_REFUND_STATUSES, storedRate } from "../utils/ledger"

/** What a follow-up did to a label. */
export type LabelFollowUpResult = {
  label_id: string
  action: "refund_checked" | "reconciled" | "tracking_polled" | "none"
  label: ShippingLabelDTO
}

/** A purchase still "purchasing" after this long died mid-way; it is reconciled. */
export const STALE_PURCHASE_MS = 10 * 60_000

const FINAL_SHIPMENT_STATES = new Set(["delivered", "canceled"])

export const followUpLabelStepId = "order-ops-follow-up-label"

/**
 * Does what a label is waiting for, looking at the carrier before acting:
 * - voided with an open refund → asks where the refund stands;
 * - `unknown` (or a purchase that died mid-way) → asks the carrier whether
 *   it sold the label: if so, voids it (nothing was shipped with it) so the
 *   money comes back; if not, marks the attempt failed;
 * - bought from a carrier without webhooks → polls its tracking into the
 *   shipment ingestion workflow.
 * Failures back off (`next_check_at`); nothing is kept in memory.
 */
export const followUpLabelStep = createStep(
  followUpLabelStepId,
  async (input: { label_id: string }, { container }) => {
    const service = container.resolve<ShipmentModuleService>(SHIPMENT_MODULE)
    let label = (await service.retrieveShippingLabel(input.label_id)) as unknown as ShippingLabelDTO
    const carrier = service.getCarrier(label.carrier)
    const attempts = label.attempts ?? 0
    const update = async (data: Record<string, unknown>) =>
      (label = (await service.updateShippingLabels({ id: label.id, ...data })) as unknown as ShippingLabelDTO)

    try {
      if (label.status === "voided" && OPEN_REFUND_STATUSES.includes(label.refund_status)) {
        const previous = label.refund_status
        const refund_status = await carrier.getRefundStatus(labelRef(label))
        const open = OPEN_REFUND_STATUSES.includes(refund_status)
        await update({
          refund_status,
          refund_checked_at: new Date(),
          attempts: attempts + 1,
          next_check_at: open ? nextFollowUp(attempts + 1) : null,
        })
        if (refund_status !== previous) {
          await recordRefundChange(container, label, previous)
        }
        return new StepResponse<LabelFollowUpResult>({ label_id: label.id, action: "refund_checked", label })
      }

      const stale = label.status === "purchasing" && Date.now() - new Date(label.updated_at).getTime() > STALE_PURCHASE_MS
      if ((label.status === "unknown" && !label.shipment_id) || stale) {
        const found = await carrier.findLabel(storedRate(label), label.idempotency_key)
        if (!found) {
          await update({ status: "failed", error: label.error ?? "The carrier has no label for this purchase", next_check_at: null })
        } else {
          const result = await carrier.voidLabel({ ...labelRef(label), ...found, carrier_name: found.carrier_name })
          await update({
            status: "voided",
            provider_label_id: found.provider_label_id,
            tracking_number: found.tracking_number,
            refund_status: result.refund_status,
            provider_refund_id: result.provider_refund_id,
            voided_at: new Date(),
            attempts: 0,
            error: "Bought at the carrier without a shipment; voided by reconciliation",
            next_check_at: OPEN_REFUND_STATUSES.includes(result.refund_status) ? nextFollowUp(0) : null,
          })
        }
        return new StepResponse<LabelFollowUpResult>({ label_id: label.id, action: "reconciled", label })
      }

      if (label.status === "purchased" && label.shipment_id && label.tracking_number) {
        const shipment = (await service.retrieveShipment(label.shipment_id)) as unknown as ShipmentDTO
        if (FINAL_SHIPMENT_STATES.has(shipment.status)) {
          await update({ next_check_at: null })
          return new StepResponse<LabelFollowUpResult>({ label_id: label.id, action: "none", label })
        }
        const tracking = await carrier.track(labelRef(label))
        await applyTrackingUpdate(container, { ...tracking, tracking_number: label.tracking_number })
        const after = (await service.retrieveShipment(label.shipment_id)) as unknown as ShipmentDTO
        const options = service.getOptions().carriers
        const minutes = label.carrier === "sandbox" ? options.sandbox.step_minutes : options.poll_interval_hours * 60
        await update({
          last_polled_at: new Date(),
          attempts: 0,
          next_check_at: FINAL_SHIPMENT_STATES.has(after.status) ? null : new Date(Date.now() + minutes * 60_000),
        })
        return new StepResponse<LabelFollowUpResult>({ label_id: label.id, action: "tracking_polled", label })
      }

      await update({ next_check_at: null })
      return new StepResponse<LabelFollowUpResult>({ label_id: label.id, action: "none", label })
    } catch (error) {
      await update({
        attempts: attempts + 1,
        error: `Follow-up failed: ${(error as Error).message}`,
        next_check_at: nextFollowUp(attempts + 1),
      })
      throw error
    }
  }
)

async function recordRefundChange(
  container: Parameters<Parameters<typeof createStep>[1]>[1]["container"],
  label: ShippingLabelDTO,
  previous: string
) {
  const activity = container.resolve<OrderActivityModuleService>(ORDER_ACTIVITY_MODULE)
  await activity.createOrderActivities({
    order_id: label.order_id,
    kind: "label.refund_updated",
    actor_type: "system",
    occurred_at: new Date(),
    resource_type: "shipping_label",
    resource_id: label.id,
    data: {
      refund_status: label.refund_status,
      previous_refund_status: previous,
      carrier_name: label.carrier_name,
      tracking_number: label.tracking_number,
      amount: Number(label.amount ?? 0),
      currency_code: label.currency_code,
    },
  })
  await container.resolve(Modules.EVENT_BUS).emit({
    name: OrderOpsEvents.LABEL_REFUND_UPDATED,
    data: { id: label.id, order_id: label.order_id, refund_status: label.refund_status },
  })
}
