import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { Modules } from "@medusajs/framework/utils"
import { OrderOpsEvents } from "../../../events"
import { ORDER_ACTIVITY_MODULE } from "../../../modules/order-activity"
import type OrderActivityModuleService from "../../../modules/order-activity/service"
import { SHIPMENT_MODULE } from "../../../modules/shipment"
import { nextTrackingPollAt } from "../../../modules/shipment/carriers/registry"
import { isFinalShipmentStatus } from "../../../modules/shipment/state-machine"
import type ShipmentModuleService from "../../../modules/shipment/service"
import type { ShipmentDTO, ShippingLabelDTO } from "../../../types"
import { applyTrackingUpdate } from "../utils/apply-tracking"
import type { PurchasedLabel } from "../../../modules/shipment/carriers/types"
import { labelRef, nextFollowUp, OPEN_REFUND_STATUSES, purchasedFields, storedRate } from "../utils/ledger"

/** What a follow-up did to a label. */
export type LabelFollowUpResult = {
  label_id: string
  action: "refund_checked" | "reconciled" | "tracking_polled" | "none"
  label: ShippingLabelDTO
}



export type FollowUpLabelStepInput = {
  label_id: string
  /** The job's clock (ISO), so a test can stand after a purchase's window; now by default. */
  now?: string
}

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
  async (input: FollowUpLabelStepInput, { container }) => {
    const now = input.now ? new Date(input.now) : new Date()
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

      const due = label.next_check_at !== null && new Date(label.next_check_at) <= now
      // A purchase still at the carrier after its window, or bought but tied
      // to no shipment by then: the process that made it died mid-way.
      const interrupted =
        due &&
        (label.status === "purchasing" || (label.status === "purchased" && !label.shipment_id && !label.fulfillment_id))
      if ((label.status === "unknown" && !label.shipment_id) || interrupted) {
        // Take the row over (bump its fencing token) so the dead purchase,
        // should it wake up, can no longer record anything.
        const token = attempts + 1
        const taken = await service.updateShippingLabelIfHeld(
          label.id,
          { status: [label.status], attempts },
          { attempts: token, next_check_at: nextFollowUp(0, now) }
        )
        if (!taken) {
          return new StepResponse<LabelFollowUpResult>({ label_id: label.id, action: "none", label })
        }
        label = taken
        const held = async (data: Record<string, unknown>) => {
          const written = await service.updateShippingLabelIfHeld(label.id, { status: [label.status], attempts: token }, data)
          label = written ?? label
        }
        const found: PurchasedLabel | null = label.provider_label_id
          ? { ...labelRef(label), ...boughtOf(label) }
          : await carrier.findLabel(storedRate(label), label.idempotency_key)
        if (!found) {
          // Nothing was sold under our key: the key is free to buy again.
          await held({ status: "failed", error: label.error ?? "The carrier has no label for this purchase", next_check_at: null })
        } else {
          // Sold, but nobody shipped with it: void it so the money comes back.
          const result = await carrier.voidLabel({ ...labelRef(label), ...found, carrier_name: found.carrier_name })
          await held({
            ...purchasedFields(found),
            status: "voided",
            purchased_at: label.purchased_at ?? now,
            refund_status: result.refund_status,
            provider_refund_id: result.provider_refund_id,
            voided_at: now,
            attempts: 0,
            error: `Bought at the carrier (${found.provider_label_id}) but the purchase was interrupted before a shipment used it; voided by reconciliation`,
            next_check_at: OPEN_REFUND_STATUSES.includes(result.refund_status) ? nextFollowUp(0, now) : null,
          })
        }
        return new StepResponse<LabelFollowUpResult>({ label_id: label.id, action: "reconciled", label })
      }

      if (label.status === "purchased" && label.shipment_id && label.tracking_number) {
        const shipment = (await service.retrieveShipment(label.shipment_id)) as unknown as ShipmentDTO
        if (isFinalShipmentStatus(shipment.status)) {
          await update({ next_check_at: null })
          return new StepResponse<LabelFollowUpResult>({ label_id: label.id, action: "none", label })
        }
        const tracking = await carrier.track(labelRef(label))
        await applyTrackingUpdate(container, { ...tracking, tracking_number: label.tracking_number })
        const after = (await service.retrieveShipment(label.shipment_id)) as unknown as ShipmentDTO
        await update({
          last_polled_at: new Date(),
          attempts: 0,
          next_check_at: isFinalShipmentStatus(after.status) ? null : nextTrackingPollAt(label.carrier, service.getOptions().carriers),
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

/** What the ledger already knows of a label the carrier sold. */
function boughtOf(label: ShippingLabelDTO): Omit<PurchasedLabel, keyof ReturnType<typeof labelRef>> {
  return {
    tracking_url: label.tracking_url,
    label_url: label.label_url,
    label_format: label.label_format,
    service: label.service ?? "",
    amount: Number(label.amount ?? 0),
    currency_code: label.currency_code ?? "usd",
  }
}
