import { StatusBadge } from "@medusajs/ui"
import { fulfillmentStatusLook, paymentStatusLook, shipmentStatusLook, type StatusLook } from "../lib/status"

function Badge({ look, testId, status }: { look: StatusLook; testId?: string; status: string }) {
  return (
    <StatusBadge color={look.color} className="text-nowrap" data-testid={testId} data-status={status}>
      {look.label}
    </StatusBadge>
  )
}

export function FulfillmentStatusBadge({ status, testId }: { status: string; testId?: string }) {
  return <Badge look={fulfillmentStatusLook(status)} status={status} testId={testId} />
}

export function PaymentStatusBadge({ status, testId }: { status: string; testId?: string }) {
  return <Badge look={paymentStatusLook(status)} status={status} testId={testId} />
}

/** A shipment's status; the server's label wins when it sends one. */
export function ShipmentStatusBadge({ status, label, testId }: { status: string; label?: string; testId?: string }) {
  const look = shipmentStatusLook(status)
  return <Badge look={label ? { ...look, label } : look} status={status} testId={testId} />
}
