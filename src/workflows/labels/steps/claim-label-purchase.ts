import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { MedusaError } from "@medusajs/framework/utils"
import { SHIPMENT_MODULE } from "../../../modules/shipment"
import { assertCarrierCode } from "../../../modules/shipment/carriers/registry"
import type ShipmentModuleService from "../../../modules/shipment/service"
import type { CarrierCode, CarrierRate, LabelFormat } from "../../../modules/shipment/carriers/types"
import type { ShippingLabelDTO } from "../../../types"
import type { PreparedLabelRequest } from "../utils/label-request"
import { isUniqueViolation, purchaseCheckAt } from "../utils/ledger"
import { isRetryableUnknown } from "./find-label-purchase"

export type ClaimLabelPurchaseStepInput = {
  /** Null only when `existing` is given. */
  prepared: PreparedLabelRequest | null
  /** The label this key already bought (see findLabelPurchaseStep): the answer. */
  existing?: ShippingLabelDTO | null
  carrier: CarrierCode
  rate: CarrierRate
  label_format: LabelFormat
  idempotency_key: string
  actor_id: string | null
}

export type ClaimLabelPurchaseResult = {
  label: ShippingLabelDTO
  /** True when this run owns the purchase; false when the key was already used. */
  claimed: boolean
}

export const claimLabelPurchaseStepId = "order-ops-claim-label-purchase"

/**
 * Writes the ledger row for a purchase before the carrier is asked. The
 * idempotency key is unique: a second request with the same key gets the
 * label already bought (or a 409 while the first is still at the carrier);
 * a purchase that failed at the carrier may be tried again with its key.
 * Compensation marks a claimed row `failed` when nothing was bought.
 */
export const claimLabelPurchaseStep = createStep(
  claimLabelPurchaseStepId,
  async (input: ClaimLabelPurchaseStepInput, { container }) => {
    const service = container.resolve<ShipmentModuleService>(SHIPMENT_MODULE)
    const { prepared, rate } = input
    if (input.existing || !prepared) {
      return new StepResponse<ClaimLabelPurchaseResult, string>({ label: input.existing!, claimed: false })
    }
    // The ledger's carrier column is text checked against the registry here, not a database enum.
    assertCarrierCode(input.carrier)
    try {
      const label = (await service.createShippingLabels({
        order_id: prepared.order_id,
        carrier: input.carrier,
        carrier_name: rate.carrier_name,
        service: rate.service,
        service_code: rate.service_code,
        rate_id: rate.rate_id,
        provider_shipment_id: rate.provider_shipment_id,
        label_format: input.label_format,
        amount: rate.amount,
        currency_code: rate.currency_code.toLowerCase(),
        status: "purchasing",
        // Ledger first, recoverable: if this process dies mid-purchase the
        // follow-up job looks at the carrier once the window has passed.
        next_check_at: purchaseCheckAt(),
        idempotency_key: input.idempotency_key,
        is_test: prepared.is_test,
        request: { ...prepared.rate_request, items: prepared.items } as unknown as Record<string, unknown>,
        attempts: 0,
        actor_id: input.actor_id,
      })) as unknown as ShippingLabelDTO
      return new StepResponse<ClaimLabelPurchaseResult, string>({ label, claimed: true }, label.id)
    } catch (error) {
      if (!isUniqueViolation(error)) {
        throw error
      }
    }

    const [existing] = (await service.listShippingLabels({
      idempotency_key: input.idempotency_key,
    })) as unknown as ShippingLabelDTO[]
    if (!existing) {
      throw new MedusaError(MedusaError.Types.CONFLICT, "idempotency_key: this purchase is already being made")
    }
    if (existing.order_id !== prepared.order_id) {
      throw new MedusaError(
        MedusaError.Types.INVALID_DATA,
        "idempotency_key: this key was already used for another order's label"
      )
    }
    if (existing.status === "purchased" || existing.status === "voided") {
      return new StepResponse<ClaimLabelPurchaseResult, string>({ label: existing, claimed: false })
    }
    if (existing.status === "failed" || isRetryableUnknown(existing)) {
      // The carrier refused last time, or never answered: this run may try
      // again, once (the purchase step asks the carrier first on a retry).
      const retry = await service.updateShippingLabelIfHeld(
        existing.id,
        { status: [existing.status], attempts: existing.attempts },
        { status: "purchasing", error: null, next_check_at: purchaseCheckAt() }
      )
      if (!retry) {
        throw new MedusaError(MedusaError.Types.CONFLICT, "idempotency_key: this purchase is already at the carrier; look again shortly")
      }
      return new StepResponse<ClaimLabelPurchaseResult, string>({ label: retry, claimed: true }, retry.id)
    }
    throw new MedusaError(
      MedusaError.Types.CONFLICT,
      existing.status === "unknown"
        ? "idempotency_key: this purchase's outcome at the carrier is being checked; look again shortly"
        : "idempotency_key: this purchase is already at the carrier; look again shortly"
    )
  },
  async (labelId, { container }) => {
    if (!labelId) {
      return
    }
    const service = container.resolve<ShipmentModuleService>(SHIPMENT_MODULE)
    const label = (await service.retrieveShippingLabel(labelId)) as unknown as ShippingLabelDTO
    if (label.status === "purchasing") {
      await service.updateShippingLabelIfHeld(
        labelId,
        { status: ["purchasing"], attempts: label.attempts },
        { status: "failed", error: label.error ?? "The purchase did not complete", next_check_at: null }
      )
    }
  }
)
