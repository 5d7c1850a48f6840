import { StatusBadge } from "@medusajs/ui"
import { deliveryStatusLook } from "../../lib/digital-delivery"

/** A delivery's status; the server's label wins when it sends one. */
export function DeliveryStatusBadge({ status, label, testId }: { status: string; label?: string; testId?: string }) {
  const look = deliveryStatusLook(status)
  return (
    <StatusBadge color={look.color} className="text-nowrap" data-testid={testId} data-status={status}>
      {label || look.label}
    </StatusBadge>
  )
}
