import { ArrowPath, DocumentText, XCircle } from "@medusajs/icons"
import { Button, Hint, StatusBadge, Text, toast, usePrompt } from "@medusajs/ui"
import { useState } from "react"
import { labelFileUrl, useCheckLabelRefund, useVoidLabel } from "../../hooks/labels"
import { errorMessage } from "../../lib/errors"
import { formatAmount, formatDateTime } from "../../lib/format"
import { labelStatusLook, refundStatusLook } from "../../lib/status"
import type { AdminShipment, AdminShippingLabel } from "../../lib/types"

/**
 * A shipment's carrier label: carrier and service, what it cost, where it and
 * its refund stand, and Print / Void / Check refund. Which actions show
 * follows the label's status as the server reports it.
 */
export function ShipmentLabel({
  orderId,
  shipment,
  label,
  number,
}: {
  orderId: string
  shipment: AdminShipment
  label: AdminShippingLabel
  number: number
}) {
  const prompt = usePrompt()
  const voidLabel = useVoidLabel(orderId)
  const checkRefund = useCheckLabelRefund(orderId)
  const [voidError, setVoidError] = useState<string | null>(null)

  const status = labelStatusLook(label.status)
  const refund = label.refund_status !== "none" ? refundStatusLook(label.refund_status) : null
  const cost = formatAmount(label.amount, label.currency_code)
  const printable = label.status === "purchased"
  const voidable = label.status === "purchased"
  const refundOpen = label.refund_status === "submitted" || label.refund_status === "pending"
  const carrier = [label.carrier_name ?? label.carrier, label.service].filter(Boolean).join(" · ")

  const onVoid = async () => {
    const confirmed = await prompt({
      title: "Void label?",
      description: `The ${carrier} label${label.tracking_number ? ` ${label.tracking_number}` : ""} will be voided and shipment ${number} canceled. ${
        cost ? `The carrier refunds ${cost} ` : "The carrier refunds it "
      }once it confirms the parcel was never sent.`,
      confirmText: "Void label",
      cancelText: "Keep it",
    })
    if (!confirmed) return
    setVoidError(null)
    try {
      const result = await voidLabel.mutateAsync(label.id)
      const refundLook = refundStatusLook(result.label.refund_status)
      toast.success(result.label.refund_status === "none" ? "Label voided" : `Label voided · ${refundLook.label}`)
    } catch (e) {
      // e.g. "… the carrier already has this parcel": keep it on the card, not only in a toast.
      setVoidError(errorMessage(e))
      toast.error(errorMessage(e))
    }
  }

  const onCheckRefund = async () => {
    try {
      const result = await checkRefund.mutateAsync(label.id)
      toast.info(refundStatusLook(result.label.refund_status).label)
    } catch (e) {
      toast.error(errorMessage(e))
    }
  }

  return (
    <div
      className="bg-ui-bg-subtle flex flex-col gap-y-3 rounded-lg px-4 py-3"
      data-testid="shipment-label"
      data-label-id={label.id}
      data-label-status={label.status}
      data-refund-status={label.refund_status}
    >
      <div className="flex flex-wrap items-center justify-between gap-2">
        <div className="flex min-w-0 flex-col">
          <Text size="small" weight="plus" className="text-ui-fg-base" data-testid="shipment-label-carrier">
            {carrier || "Carrier label"}
          </Text>
          <Text size="small" className="text-ui-fg-subtle">
            <span data-testid="shipment-label-cost">{cost || "—"}</span>
            {" · "}
            {label.label_format}
            {label.is_test ? " · test" : ""}
            {label.purchased_at ? ` · bought ${formatDateTime(label.purchased_at)}` : ""}
          </Text>
        </div>
        <div className="flex flex-wrap items-center gap-2">
          <StatusBadge color={status.color} data-testid="shipment-label-status" data-status={label.status}>
            {status.label}
          </StatusBadge>
          {refund && (
            <StatusBadge color={refund.color} data-testid="shipment-label-refund" data-status={label.refund_status}>
              {refund.label}
            </StatusBadge>
          )}
        </div>
      </div>
      {label.error && label.status !== "purchased" && (
        <Text size="small" className="text-ui-fg-error break-words">
          {label.error}
        </Text>
      )}
      {(printable || voidable || refundOpen) && (
        <div className="flex flex-wrap items-center gap-2">
          {printable && (
            <Button size="small" variant="secondary" asChild>
              <a href={labelFileUrl(label.id)} target="_blank" rel="noopener" data-testid="shipment-label-print">
                <DocumentText />
                Print label
              </a>
            </Button>
          )}
          {voidable && (
            <Button
              size="small"
              variant="secondary"
              type="button"
              onClick={() => void onVoid()}
              isLoading={voidLabel.isPending}
              data-testid="shipment-label-void"
            >
              <XCircle />
              Void label
            </Button>
          )}
          {refundOpen && (
            <Button
              size="small"
              variant="secondary"
              type="button"
              onClick={() => void onCheckRefund()}
              isLoading={checkRefund.isPending}
              data-testid="shipment-label-check-refund"
            >
              <ArrowPath />
              Check refund
            </Button>
          )}
        </div>
      )}
      {voidError && (
        <Hint variant="error" data-testid="shipment-label-void-error">
          {voidError}
        </Hint>
      )}
      {shipment.status === "canceled" && label.voided_at && (
        <Text size="xsmall" className="text-ui-fg-muted">
          Voided {formatDateTime(label.voided_at)}
          {label.refund_checked_at ? ` · refund checked ${formatDateTime(label.refund_checked_at)}` : ""}
        </Text>
      )}
    </div>
  )
}
