import {
  ArrowUpRightOnBox,
  BuildingStorefront,
  CheckCircle,
  EllipsisHorizontal,
  Globe,
  History,
  MapPin,
  PencilSquare,
  Plus,
  XCircle,
} from "@medusajs/icons"
import { Badge, Button, DropdownMenu, IconButton, Text, Tooltip, clx, toast, usePrompt } from "@medusajs/ui"
import { useState, type ReactNode } from "react"
import { useCancelShipment, useDeliverShipment } from "../../hooks/shipments"
import { errorMessage } from "../../lib/errors"
import { formatCalendarDay, formatDateTime, formatRelative } from "../../lib/format"
import { EVENT_SOURCE, shipmentStatusLook, shippingPointLabel } from "../../lib/status"
import type { AdminCarrier, AdminShipment, AdminShipmentEvent } from "../../lib/types"
import { ShipmentLabel } from "../labels/shipment-label"
import { ShipmentStatusBadge } from "../status-badges"
import { EditShipmentDrawer } from "./edit-shipment-drawer"
import { TrackingUpdateDrawer } from "./tracking-update-drawer"

/** Only http(s) links leave the admin. */
function safeUrl(url: string | null): string | null {
  if (!url) return null
  try {
    const parsed = new URL(url)
    return parsed.protocol === "http:" || parsed.protocol === "https:" ? parsed.toString() : null
  } catch {
    return null
  }
}

const POINT_ICON = { local: MapPin, international: Globe, pickup: BuildingStorefront } as const

function Row({ label, children }: { label: string; children: ReactNode }) {
  return (
    <>
      <Text size="small" leading="compact" weight="plus" className="text-ui-fg-subtle">
        {label}
      </Text>
      <div className="text-ui-fg-subtle txt-compact-small min-w-0 break-words">{children}</div>
    </>
  )
}

function EventItem({ event }: { event: AdminShipmentEvent }) {
  const look = shipmentStatusLook(event.status)
  return (
    <li
      data-testid="shipment-event"
      data-status={event.status}
      data-applied={event.applied}
      className={clx("relative flex gap-x-3 pb-3 last:pb-0", !event.applied && "opacity-60")}
    >
      <div className="flex flex-col items-center">
        <span
          className={clx(
            "mt-1.5 size-2 shrink-0 rounded-full",
            event.applied ? "bg-ui-tag-neutral-icon" : "border-ui-tag-neutral-icon border bg-transparent"
          )}
        />
        <span className="bg-ui-border-base mt-1 w-px flex-1" />
      </div>
      <div className="flex min-w-0 flex-1 flex-col">
        <div className="flex flex-wrap items-center gap-x-2">
          <Text size="small" weight="plus" className={event.applied ? "text-ui-fg-base" : "text-ui-fg-muted"}>
            {look.label}
          </Text>
          {!event.applied && (
            <Tooltip content="Older than the shipment's latest status, or a duplicate; kept for the record.">
              <Badge size="2xsmall" color="grey">
                not applied
              </Badge>
            </Tooltip>
          )}
        </div>
        {(event.location || event.message) && (
          <Text size="small" className="text-ui-fg-subtle break-words">
            {[event.location, event.message].filter(Boolean).join(" — ")}
          </Text>
        )}
        <Text size="xsmall" className="text-ui-fg-muted" title={formatDateTime(event.occurred_at)}>
          {EVENT_SOURCE[event.source] ?? event.source} · {formatRelative(event.occurred_at)}
        </Text>
      </div>
    </li>
  )
}

/** One shipment: status, where it goes, carrier and tracking, items, dates, actions and history. */
export function ShipmentCard({
  orderId,
  shipment,
  number,
  carriers,
}: {
  orderId: string
  shipment: AdminShipment
  number: number
  carriers: AdminCarrier[]
}) {
  const [editing, setEditing] = useState(false)
  const [addingUpdate, setAddingUpdate] = useState(false)
  const [showHistory, setShowHistory] = useState(false)
  const deliver = useDeliverShipment(orderId)
  const cancel = useCancelShipment(orderId)
  const prompt = usePrompt()

  const pickup = shipment.shipping_point === "pickup"
  const allowed = shipment.allowed_transitions
  const trackingUrl = safeUrl(shipment.tracking_url)
  const PointIcon = POINT_ICON[shipment.shipping_point] ?? MapPin
  const canEdit = shipment.source === "manual"
  const canDeliver = allowed.includes("delivered")
  const canCancel = allowed.includes("canceled")
  const canAddUpdate = !pickup && allowed.some((s) => s !== "canceled")
  const hasActions = canEdit || canDeliver || canCancel || canAddUpdate

  const onDeliver = async () => {
    try {
      await deliver.mutateAsync(shipment.id)
      toast.success(pickup ? "Marked as picked up" : "Marked as delivered")
    } catch (e) {
      toast.error(errorMessage(e))
    }
  }

  const onCancel = async () => {
    const confirmed = await prompt({
      title: "Cancel shipment?",
      description: `Shipment ${number} will be marked as canceled, with an entry in its history. This cannot be undone.`,
      confirmText: "Cancel shipment",
      cancelText: "Keep it",
    })
    if (!confirmed) return
    try {
      await cancel.mutateAsync(shipment.id)
      toast.success("Shipment canceled")
    } catch (e) {
      toast.error(errorMessage(e))
    }
  }

  return (
    <li
      data-testid="shipment"
      data-shipment-id={shipment.id}
      data-status={shipment.status}
      className="flex flex-col gap-y-3 px-6 py-4"
    >
      <div className="flex items-center justify-between gap-x-4">
        <div className="flex min-w-0 flex-wrap items-center gap-x-2 gap-y-1">
          <Text size="small" weight="plus" className="text-ui-fg-base">
            Shipment {number}
          </Text>
          <span className="text-ui-fg-subtle flex items-center gap-x-1">
            <PointIcon className="text-ui-fg-muted" />
            <Text size="small" as="span">
              {shippingPointLabel(shipment.shipping_point)}
            </Text>
          </span>
          {shipment.source === "carrier" && (
            <Badge size="2xsmall" color="grey">
              Carrier label
            </Badge>
          )}
        </div>
        <div className="flex items-center gap-x-2">
          <ShipmentStatusBadge status={shipment.status} label={shipment.status_label} testId="shipment-status" />
          {trackingUrl && shipment.status !== "canceled" && (
            <Button size="small" variant="secondary" asChild>
              <a href={trackingUrl} target="_blank" rel="noopener noreferrer" data-testid="shipment-track">
                <ArrowUpRightOnBox />
                Track
              </a>
            </Button>
          )}
          {hasActions && (
            <DropdownMenu>
              <DropdownMenu.Trigger asChild>
                <IconButton size="small" variant="transparent" aria-label="Shipment actions" data-testid="shipment-actions">
                  <EllipsisHorizontal />
                </IconButton>
              </DropdownMenu.Trigger>
              <DropdownMenu.Content align="end">
                {canEdit && (
                  <DropdownMenu.Item className="gap-x-2" onClick={() => setEditing(true)}>
                    <PencilSquare className="text-ui-fg-subtle" />
                    Edit…
                  </DropdownMenu.Item>
                )}
                {canDeliver && (
                  <DropdownMenu.Item className="gap-x-2" onClick={onDeliver} disabled={deliver.isPending}>
                    <CheckCircle className="text-ui-fg-subtle" />
                    {pickup ? "Mark as picked up" : "Mark as delivered"}
                  </DropdownMenu.Item>
                )}
                {canAddUpdate && (
                  <DropdownMenu.Item className="gap-x-2" onClick={() => setAddingUpdate(true)}>
                    <Plus className="text-ui-fg-subtle" />
                    Add tracking update…
                  </DropdownMenu.Item>
                )}
                {canCancel && (
                  <>
                    <DropdownMenu.Separator />
                    <DropdownMenu.Item className="gap-x-2" onClick={onCancel} disabled={cancel.isPending}>
                      <XCircle className="text-ui-fg-subtle" />
                      Cancel shipment
                    </DropdownMenu.Item>
                  </>
                )}
              </DropdownMenu.Content>
            </DropdownMenu>
          )}
        </div>
      </div>

      <div className="grid grid-cols-[140px_1fr] items-start gap-x-4 gap-y-2">
        <Row label="Items">
          <ul data-testid="shipment-items">
            {shipment.items.map((item) => (
              <li key={item.line_item_id}>
                {item.quantity}× {item.title}
              </li>
            ))}
          </ul>
        </Row>
        {!pickup && (
          <Row label="Carrier">
            {shipment.carrier_name ?? shipment.carrier ?? "—"}
          </Row>
        )}
        {!pickup && (
          <Row label="Tracking">
            {shipment.tracking_number ? (
              trackingUrl ? (
                <a
                  href={trackingUrl}
                  target="_blank"
                  rel="noopener noreferrer"
                  className="text-ui-fg-interactive hover:text-ui-fg-interactive-hover transition-fg"
                  data-testid="shipment-tracking-number"
                >
                  {shipment.tracking_number}
                </a>
              ) : (
                <span data-testid="shipment-tracking-number">{shipment.tracking_number}</span>
              )
            ) : (
              "—"
            )}
          </Row>
        )}
        {shipment.estimated_delivery_at && !shipment.delivered_at && !shipment.canceled_at && (
          <Row label={pickup ? "Ready by" : "Estimated delivery"}>{formatCalendarDay(shipment.estimated_delivery_at)}</Row>
        )}
        {shipment.shipped_at && <Row label="Shipped">{formatDateTime(shipment.shipped_at)}</Row>}
        {shipment.delivered_at && (
          <Row label={pickup ? "Picked up" : "Delivered"}>{formatDateTime(shipment.delivered_at)}</Row>
        )}
        {shipment.canceled_at && <Row label="Canceled">{formatDateTime(shipment.canceled_at)}</Row>}
        {!shipment.notify_customer && <Row label="Customer">Not notified</Row>}
      </div>

      {shipment.label && (
        <ShipmentLabel orderId={orderId} shipment={shipment} label={shipment.label} number={number} />
      )}

      {shipment.events.length > 0 && (
        <div className="flex flex-col gap-y-3">
          <div>
            <Button
              size="small"
              variant="transparent"
              className="text-ui-fg-subtle -ml-2"
              onClick={() => setShowHistory((v) => !v)}
              aria-expanded={showHistory}
              data-testid="shipment-history-toggle"
            >
              <History />
              {showHistory ? "Hide history" : `Show history (${shipment.events.length})`}
            </Button>
          </div>
          {showHistory && (
            <ul data-testid="shipment-history" className="pl-1">
              {shipment.events.map((event) => (
                <EventItem key={event.id} event={event} />
              ))}
            </ul>
          )}
        </div>
      )}

      {canEdit && (
        <EditShipmentDrawer
          orderId={orderId}
          shipment={shipment}
          carriers={carriers}
          open={editing}
          onOpenChange={setEditing}
        />
      )}
      {canAddUpdate && (
        <TrackingUpdateDrawer orderId={orderId} shipment={shipment} open={addingUpdate} onOpenChange={setAddingUpdate} />
      )}
    </li>
  )
}
