import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { SHIPMENT_MODULE } from "../../../modules/shipment"
import { assertCarrierCode } from "../../../modules/shipment/carriers/registry"
import type ShipmentModuleService from "../../../modules/shipment/service"
import type { CarrierFulfillmentData } from "../../../providers/carrier-fulfillment/service"
import type { ShippingLabelDTO } from "../../../types"
import { isUniqueViolation } from "../utils/ledger"
import type { PurchaseLabelResult } from "./purchase-label"

export type RecordCheckoutLabelStepInput = {
  order_id: string
  fulfillment_id: string
  /** What the carrier fulfillment provider stored in the fulfillment's `data`. */
  stored: CarrierFulfillmentData
}

export type RecordCheckoutLabelResult = PurchaseLabelResult & {
  /** False when the ledger already had the row (a re-delivered event). */
  created: boolean
}

const EXTENSIONS: Record<string, string> = { PDF: "pdf", PNG: "png", ZPL: "zpl" }
const DATA_URL = /^data:([^;,]+);base64,(.*)$/s

export const recordCheckoutLabelStepId = "order-ops-record-checkout-label"

/**
 * Records the label a checkout fulfillment bought in the ledger, under the
 * key it was bought with (the provider's, sent to the carrier), as
 * purchased and tied to the fulfillment. A row already there (the event
 * delivered twice, or a concurrent run) is the answer, unchanged. A label
 * handed over as bytes (sandbox `data:` URL) is passed on as the file to keep.
 * Compensation deletes a row this step wrote.
 */
export const recordCheckoutLabelStep = createStep(
  recordCheckoutLabelStepId,
  async (input: RecordCheckoutLabelStepInput, { container }) => {
    const service = container.resolve<ShipmentModuleService>(SHIPMENT_MODULE)
    const { stored } = input
    const existing = async () =>
      ((await service.listShippingLabels({ idempotency_key: stored.idempotency_key })) as unknown as ShippingLabelDTO[])[0]
    const found = await existing()
    if (found) {
      return new StepResponse<RecordCheckoutLabelResult, string | null>({ label: found, file: null, created: false }, null)
    }
    assertCarrierCode(stored.carrier, "data.carrier")
    const inline = stored.label_url ? DATA_URL.exec(stored.label_url) : null
    let label: ShippingLabelDTO
    try {
      label = (await service.createShippingLabels({
        order_id: input.order_id,
        fulfillment_id: input.fulfillment_id,
        carrier: stored.carrier,
        carrier_name: stored.carrier_name ?? null,
        service: stored.service ?? null,
        service_code: stored.service_code ?? null,
        rate_id: stored.rate_id ?? "",
        provider_shipment_id: stored.provider_shipment_id ?? null,
        provider_label_id: stored.provider_label_id ?? null,
        tracking_number: stored.tracking_number,
        tracking_url: stored.tracking_url ?? null,
        // A data: URL is the file itself, kept through the file module instead.
        label_url: stored.label_url && !inline ? stored.label_url : null,
        label_format: stored.label_format ?? "PDF",
        amount: stored.amount ?? null,
        currency_code: stored.currency_code ?? null,
        status: "purchased",
        idempotency_key: stored.idempotency_key,
        purchased_at: new Date(),
      })) as unknown as ShippingLabelDTO
    } catch (error) {
      const winner = isUniqueViolation(error) ? await existing() : undefined
      if (!winner) {
        throw error
      }
      return new StepResponse<RecordCheckoutLabelResult, string | null>({ label: winner, file: null, created: false }, null)
    }
    const file = inline
      ? {
          content: inline[2],
          mime_type: inline[1],
          filename: `label-${stored.tracking_number}.${EXTENSIONS[stored.label_format ?? "PDF"] ?? "bin"}`,
        }
      : null
    return new StepResponse<RecordCheckoutLabelResult, string | null>({ label, file, created: true }, label.id)
  },
  async (labelId, { container }) => {
    if (labelId) {
      await container.resolve<ShipmentModuleService>(SHIPMENT_MODULE).deleteShippingLabels([labelId])
    }
  }
)
