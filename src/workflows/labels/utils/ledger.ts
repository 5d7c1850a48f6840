import { CARRIER_TIMEOUT_MS, type CarrierRate, type LabelRef, type PurchasedLabel } from "../../../modules/shipment/carriers/types"
import type { ShippingLabelDTO } from "../../../types"

/** How a stored label is named to its carrier. */
export function labelRef(label: ShippingLabelDTO): LabelRef & { purchased_at: string | null } {
  return {
    provider_label_id: label.provider_label_id ?? "",
    provider_shipment_id: label.provider_shipment_id ?? "",
    tracking_number: label.tracking_number ?? "",
    carrier_name: label.carrier_name ?? label.carrier,
    provider_refund_id: label.provider_refund_id,
    purchased_at: label.purchased_at ? new Date(label.purchased_at).toISOString() : null,
  }
}

/** The ledger fields a carrier's purchase answer fills in. */
export function purchasedFields(bought: PurchasedLabel) {
  return {
    provider_label_id: bought.provider_label_id,
    provider_shipment_id: bought.provider_shipment_id,
    tracking_number: bought.tracking_number,
    tracking_url: bought.tracking_url,
    label_url: bought.label_url,
    label_format: bought.label_format,
    carrier_name: bought.carrier_name,
    service: bought.service,
    amount: bought.amount,
    currency_code: bought.currency_code.toLowerCase(),
    status: "purchased" as const,
    error: null,
    purchased_at: new Date(),
  }
}

/** The stored rate a label was bought for, as the carrier client wants it back. */
export function storedRate(label: ShippingLabelDTO): Pick<CarrierRate, "rate_id" | "provider_shipment_id"> {
  return { rate_id: label.rate_id, provider_shipment_id: label.provider_shipment_id ?? "" }
}

/** Refund statuses a job keeps following. */
export const OPEN_REFUND_STATUSES = ["submitted", "pending"]

/** Back-off for follow-ups: 5 min, 15 min, 1 h, then every 6 h. */
export function nextFollowUp(attempts: number, now = new Date()): Date {
  const minutes = [5, 15, 60][attempts] ?? 360
  return new Date(now.getTime() + minutes * 60_000)
}

/** Whether a Postgres error is a unique-index violation. */
export function isUniqueViolation(error: unknown): boolean {
  const e = error as { code?: string; message?: string; cause?: { code?: string } }
  return e?.code === "23505" || e?.cause?.code === "23505" || /duplicate key|unique constraint|already exists/i.test(e?.message ?? "")
}

/**
 * How long after a claim its purchase is known to have ended one way or the
 * other: the carrier's timeout and a minute for writing the outcome. A row
 * still `purchasing` (or bought but tied to no shipment) after this died
 * mid-way and the follow-up job reconciles it at the carrier.
 */
export const PURCHASE_WINDOW_MS = CARRIER_TIMEOUT_MS + 60_000

/** When the follow-up job should look at a purchase claimed at `now`. */
export function purchaseCheckAt(now = new Date()): Date {
  return new Date(now.getTime() + PURCHASE_WINDOW_MS)
}
