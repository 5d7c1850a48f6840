import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { MedusaError } from "@medusajs/framework/utils"
import { SHIPMENT_MODULE } from "../../../modules/shipment"
import type ShipmentModuleService from "../../../modules/shipment/service"
import type { LabelFormat, PurchasedLabel, RateRequest } from "../../../modules/shipment/carriers/types"
import type { ShippingLabelDTO } from "../../../types"
import { labelRef, nextFollowUp, purchaseCheckAt, purchasedFields, storedRate } from "../utils/ledger"

export type PurchaseLabelStepInput = {
  label: ShippingLabelDTO
  label_format: LabelFormat
  rate_request: RateRequest
}

export type PurchaseLabelResult = {
  label: ShippingLabelDTO
  /** The file as the carrier handed it over, base64 (sandbox), if it did. */
  file: { content: string; mime_type: string; filename: string } | null
}

export const purchaseLabelStepId = "order-ops-purchase-label"

/**
 * Buys the label. On a retry (the row was tried before) it first asks the
 * carrier whether the earlier attempt went through, so a lost answer never
 * becomes a second label. If the carrier sold the label but the ledger write
 * fails, the row is marked `unknown` for the reconcile job.
 *
 * Compensation (a later step failed): the label is voided at the carrier and
 * the refund followed; if the void fails too, the row is left `unknown` with
 * the reason, and the job keeps trying — money is never lost silently.
 */
export const purchaseLabelStep = createStep(
  purchaseLabelStepId,
  async (input: PurchaseLabelStepInput, { container }) => {
    const service = container.resolve<ShipmentModuleService>(SHIPMENT_MODULE)
    const carrier = service.getCarrier(input.label.carrier)
    const rate = storedRate(input.label)
    // The attempt number is this purchase's fencing token: the outcome is
    // written only while the row is still this attempt's (see updateShippingLabelIfHeld).
    const attempt = (input.label.attempts ?? 0) + 1
    const held = await service.updateShippingLabelIfHeld(
      input.label.id,
      { status: ["purchasing"], attempts: input.label.attempts ?? 0 },
      { attempts: attempt, next_check_at: purchaseCheckAt() }
    )
    if (!held) {
      throw new MedusaError(MedusaError.Types.CONFLICT, "idempotency_key: this purchase is already at the carrier; look again shortly")
    }
    const record = (data: Record<string, unknown>) =>
      service.updateShippingLabelIfHeld(input.label.id, { status: ["purchasing"], attempts: attempt }, data)

    let bought: PurchasedLabel | null = null
    if (attempt > 1) {
      bought = await carrier.findLabel(rate, input.label.idempotency_key)
    }
    if (!bought) {
      try {
        bought = await carrier.buyLabel({
          rate: {
            ...rate,
            carrier_name: input.label.carrier_name ?? "",
            service: input.label.service ?? "",
            service_code: input.label.service_code ?? "",
            amount: Number(input.label.amount ?? 0),
            currency_code: input.label.currency_code ?? "usd",
            estimated_days: null,
            estimated_delivery_at: null,
          },
          label_format: input.label_format,
          idempotency_key: input.label.idempotency_key,
          request: input.rate_request,
        })
      } catch (error) {
        const message = (error as Error).message ?? String(error)
        // A refusal is final; an outage or a timeout may still have sold the
        // label, so that outcome is unknown until the carrier is asked again.
        const refused = error instanceof MedusaError && error.type === MedusaError.Types.INVALID_DATA
        await record(
          refused
            ? { status: "failed", error: message, next_check_at: null }
            : { status: "unknown", error: `The carrier did not answer the purchase: ${message}`, next_check_at: purchaseCheckAt() }
        ).catch(() => undefined)
        throw error
      }
    }

    let label: ShippingLabelDTO | null
    try {
      label = await record(purchasedFields(bought))
    } catch (error) {
      await service
        .updateShippingLabels({
          id: input.label.id,
          status: "unknown",
          error: `Bought at the carrier (${bought.provider_label_id}) but not recorded: ${(error as Error).message}`,
          provider_label_id: bought.provider_label_id,
          next_check_at: new Date(),
        })
        .catch(() => undefined)
      throw error
    }
    if (!label) {
      // This attempt outlived its window and the reconciler took the row
      // over; it decides what happens to the label (it finds it by our key).
      throw new MedusaError(
        MedusaError.Types.CONFLICT,
        "idempotency_key: this purchase took too long and is being reconciled at the carrier; look again shortly"
      )
    }
    const file = bought.label_file
      ? {
          content: bought.label_file.content.toString("base64"),
          mime_type: bought.label_file.mime_type,
          filename: bought.label_file.filename,
        }
      : null
    return new StepResponse<PurchaseLabelResult, string>({ label, file }, label.id)
  },
  async (labelId, { container }) => {
    if (!labelId) {
      return
    }
    const service = container.resolve<ShipmentModuleService>(SHIPMENT_MODULE)
    const label = (await service.retrieveShippingLabel(labelId)) as unknown as ShippingLabelDTO
    if (label.status !== "purchased") {
      return
    }
    try {
      const result = await service.getCarrier(label.carrier).voidLabel(labelRef(label))
      const open = result.refund_status === "submitted" || result.refund_status === "pending"
      await service.updateShippingLabels({
        id: label.id,
        status: "voided",
        refund_status: result.refund_status,
        provider_refund_id: result.provider_refund_id,
        voided_at: new Date(),
        error: "Voided automatically: the shipment could not be recorded",
        next_check_at: open ? nextFollowUp(0) : null,
      })
    } catch (error) {
      await service.updateShippingLabels({
        id: label.id,
        status: "unknown",
        error: `The shipment could not be recorded and the automatic void failed: ${(error as Error).message}`,
        next_check_at: nextFollowUp(0),
      })
    }
  }
)
