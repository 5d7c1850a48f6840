import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { MedusaError } from "@medusajs/framework/utils"
import { SHIPMENT_MODULE } from "../../../modules/shipment"
import type ShipmentModuleService from "../../../modules/shipment/service"
import type { ShippingLabelDTO } from "../../../types"

export type FindLabelPurchaseResult = {
  /** The label already bought with this key, when there is one: the answer to a repeat. */
  existing: ShippingLabelDTO | null
}

export const findLabelPurchaseStepId = "order-ops-find-label-purchase"

/**
 * Looks before acting: a purchase key that already bought a label answers
 * with that label (a double click, a retried request), before anything is
 * checked against what is left to ship. A key whose purchase is still at the
 * carrier, or whose outcome is unknown, is a 409. Reads only.
 *
 * @throws MedusaError CONFLICT; INVALID_DATA when the key belongs to another order.
 */
export const findLabelPurchaseStep = createStep(
  findLabelPurchaseStepId,
  async (input: { order_id: string; idempotency_key: string }, { container }) => {
    const service = container.resolve<ShipmentModuleService>(SHIPMENT_MODULE)
    const [label] = (await service.listShippingLabels({
      idempotency_key: input.idempotency_key,
    })) as unknown as ShippingLabelDTO[]
    if (!label || label.status === "failed" || isRetryableUnknown(label)) {
      return new StepResponse<FindLabelPurchaseResult>({ existing: null })
    }
    if (label.order_id !== input.order_id) {
      throw new MedusaError(
        MedusaError.Types.INVALID_DATA,
        "idempotency_key: this key was already used for another order's label"
      )
    }
    if (label.status === "purchased" || label.status === "voided") {
      return new StepResponse<FindLabelPurchaseResult>({ existing: label })
    }
    throw new MedusaError(
      MedusaError.Types.CONFLICT,
      label.status === "unknown"
        ? "idempotency_key: this purchase's outcome at the carrier is being checked; look again shortly"
        : "idempotency_key: this purchase is already at the carrier; look again shortly"
    )
  }
)

/**
 * A purchase whose carrier call ended without an answer (an outage, a lost
 * response) and which nothing has used: the same key may try again at once,
 * and that try asks the carrier first whether the label was sold.
 */
export function isRetryableUnknown(label: Pick<ShippingLabelDTO, "status" | "provider_label_id" | "shipment_id">): boolean {
  return label.status === "unknown" && !label.provider_label_id && !label.shipment_id
}
