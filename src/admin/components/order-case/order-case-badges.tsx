import { Badge } from "@medusajs/ui"
import { formatDateTime } from "../../lib/format"
import { DISPUTE_STATUS_LABELS, holdReasonLabel } from "../../lib/order-case"

type Row = {
  hold_reason?: string | null
  order_label?: { name: string; color: string | null } | null
  dispute_status?: string | null
  dispute_due_at?: string | null
}

type BadgeColor = "grey" | "blue" | "green" | "orange" | "red" | "purple"

/** A list row's hold, merchant label and dispute (with its evidence due date). */
export function OrderCaseBadges({ row }: { row: Row }) {
  return (
    <>
      {row.hold_reason && (
        <Badge size="2xsmall" color="red" data-testid="order-ops-hold-badge" title={holdReasonLabel(row.hold_reason)}>
          On hold
        </Badge>
      )}
      {row.order_label && (
        <Badge size="2xsmall" color={(row.order_label.color ?? "grey") as BadgeColor} data-testid="order-ops-label-badge">
          {row.order_label.name}
        </Badge>
      )}
      {row.dispute_status && (
        <Badge
          size="2xsmall"
          color={row.dispute_due_at ? "orange" : "grey"}
          data-testid="order-ops-dispute-badge"
          title={row.dispute_due_at ? `Evidence due ${formatDateTime(row.dispute_due_at)}` : undefined}
        >
          Dispute: {DISPUTE_STATUS_LABELS[row.dispute_status] ?? row.dispute_status}
          {row.dispute_due_at ? ` · due ${formatDateTime(row.dispute_due_at)}` : ""}
        </Badge>
      )}
    </>
  )
}
