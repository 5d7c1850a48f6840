import type { ExceptionKind, ExceptionThresholds } from "../../workflows/order-case/utils/exception-rules"

/** The fulfillment SLA as the inbox states it: `48 h (express 12 h)`. */
const fulfillmentSla = (t: ExceptionThresholds) => {
  const types = Object.entries(t.paid_unfulfilled_hours_by_type ?? {})
  return `${t.paid_unfulfilled_hours} h${types.length ? ` (${types.map(([type, hours]) => `${type} ${hours} h`).join(", ")})` : ""}`
}

/** What each inbox row says, and which panel of the order page fixes it. */
export const EXCEPTION_LOOK: Record<ExceptionKind, { label: (t: ExceptionThresholds) => string; fix: string }> = {
  label_not_scanned: { label: (t) => `Label not scanned after ${t.label_unscanned_days} days`, fix: "Void or chase the carrier" },
  shipment_delivery_failed: { label: () => "Shipment delivery failed", fix: "Update the shipment" },
  delivery_failed: { label: () => "Digital delivery failed", fix: "Retry or mark delivered" },
  delivery_outcome_unknown: { label: () => "Digital delivery outcome unknown", fix: "Check and mark delivered or retry" },
  revoke_failed: { label: () => "Revoke failed", fix: "Revoke by hand" },
  paid_not_fulfilled: { label: (t) => `Paid, not fulfilled after ${fulfillmentSla(t)}`, fix: "Create a shipment" },
  label_refund_pending: { label: (t) => `Label refund pending over ${t.refund_pending_days} days`, fix: "Check the refund" },
  label_refund_rejected: { label: () => "Label refund rejected", fix: "Contact the carrier" },
  dispute_needs_response: { label: () => "Dispute needs a response", fix: "Answer with the evidence pack" },
  long_hold: { label: (t) => `On hold over ${t.hold_days} days`, fix: "Release or cancel" },
}
