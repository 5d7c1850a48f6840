import type { AdminOrderHold, AdminOrderLabelDefinition } from "../../types/order-case"

/** Hold reasons as merchants read them (the server's list). */
export const HOLD_REASONS: { value: AdminOrderHold["reason"]; label: string }[] = [
  { value: "awaiting_payment", label: "Awaiting payment" },
  { value: "high_risk", label: "High risk" },
  { value: "incorrect_address", label: "Incorrect address" },
  { value: "out_of_stock", label: "Out of stock" },
  { value: "other", label: "Other" },
]

export const holdReasonLabel = (reason: string | null | undefined) =>
  HOLD_REASONS.find((r) => r.value === reason)?.label ?? reason ?? ""

export const LABEL_COLORS: AdminOrderLabelDefinition["color"][] = ["grey", "blue", "green", "orange", "red", "purple"]

/** Dispute statuses as merchants read them. */
export const DISPUTE_STATUS_LABELS: Record<string, string> = {
  needs_response: "Needs response",
  under_review: "Under review",
  won: "Won",
  lost: "Lost",
  accepted: "Accepted",
}
